/** What the chat core needs from a front end: the terminal screen or plain stdin/stdout. */

export interface UiHandlers {
  /** One line the user entered (a paste gives one call per line). */
  input(line: string): void;
  /** End of input (EOF in plain mode), Ctrl-C or Ctrl-D on the screen. */
  end(): void;
}

export interface Ui {
  /** Prints lines above the input; `bell` rings the terminal bell (screen only). */
  print(lines: string[], bell: boolean): void;
  setPrompt(label: string): void;
  close(): void;
}
