/** Tab completion of nicks, channels and commands, and cycling through the candidates. Pure. */

export interface CompletionSources {
  /** Most recently active first. */
  nicks: string[];
  channels: string[];
  /** Without the slash. */
  commands: string[];
  chantypes: string;
}

export interface Completion {
  /** The text before the cursor that the candidates replace. */
  word: string;
  candidates: string[];
}

function startsWithFolded(candidate: string, prefix: string): boolean {
  return candidate.toLowerCase().startsWith(prefix.toLowerCase());
}

/** Candidates for the word before the cursor, in the order they should be offered. */
export function completionsFor(before: string, sources: CompletionSources): Completion {
  const word = before.slice(before.lastIndexOf(" ") + 1);
  const atLineStart = word.length === before.length;
  if (word === "") return { word, candidates: [] };
  if (atLineStart && word.startsWith("/")) {
    const names = sources.commands.filter((c) => startsWithFolded(c, word.slice(1)));
    return { word, candidates: names.map((c) => `/${c} `) };
  }
  if (sources.chantypes.includes(word[0]!)) {
    return {
      word,
      candidates: sources.channels.filter((c) => startsWithFolded(c, word)).map((c) => `${c} `),
    };
  }
  const nicks = sources.nicks.filter((n) => startsWithFolded(n, word));
  return { word, candidates: nicks.map((n) => (atLineStart ? `${n}: ` : `${n} `)) };
}

/**
 * Tab, Tab, Tab: the first press puts in the best candidate, each further press (with nothing typed
 * in between) replaces it with the next one. Answers in node:readline's completer shape.
 */
export class TabCycle {
  private last: { after: string; candidates: string[]; index: number } | null = null;

  complete(before: string, sources: CompletionSources): [string[], string] {
    const last = this.last;
    if (last !== null && before === last.after && last.candidates.length > 1) {
      const current = last.candidates[last.index]!;
      const index = (last.index + 1) % last.candidates.length;
      const next = last.candidates[index]!;
      this.last = {
        after: before.slice(0, before.length - current.length) + next,
        candidates: last.candidates,
        index,
      };
      return [[next], current];
    }
    const { word, candidates } = completionsFor(before, sources);
    if (candidates.length === 0) {
      this.last = null;
      return [[], word];
    }
    this.last = { after: before.slice(0, before.length - word.length) + candidates[0], candidates, index: 0 };
    return [[candidates[0]!], word];
  }
}
