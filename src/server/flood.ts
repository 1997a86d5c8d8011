/** Flood control: a token bucket per connection; the clock and the limits are passed in. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(burst: number, now: number) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token if one is available, after refilling `rate` per second up to `burst`. */
  take(now: number, burst: number, rate: number): boolean {
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
