/** Parsing channel and user mode strings into changes (pure; applying them is handlers/mode.ts). */

export interface ModeChange {
  add: boolean;
  mode: string;
  /** undefined for modes without a parameter, and for a list mode asked to list. */
  param?: string;
}

export interface ParsedModes {
  changes: ModeChange[];
  unknown: string[];
}

const LIST_MODES = "beI";
const ALWAYS_PARAM = "ov";
const PARAM_WHEN_SET = "l";
const FLAG_MODES = "imnst";

/**
 * Walks `+o-v+k alice bob key` taking parameters in order. `k` takes one when set and, if given,
 * when unset; `l` only when set. `o`/`v` without a parameter are skipped.
 */
export function parseChannelModes(modeString: string, args: string[]): ParsedModes {
  const changes: ModeChange[] = [];
  const unknown: string[] = [];
  let add = true;
  let next = 0;
  for (const mode of modeString) {
    if (mode === "+" || mode === "-") {
      add = mode === "+";
    } else if (LIST_MODES.includes(mode)) {
      changes.push({ add, mode, param: args[next++] });
    } else if (ALWAYS_PARAM.includes(mode)) {
      const param = args[next++];
      if (param !== undefined) changes.push({ add, mode, param });
    } else if (mode === "k") {
      const param = args[next++];
      if (add && param === undefined) continue;
      changes.push({ add, mode, param });
    } else if (PARAM_WHEN_SET.includes(mode)) {
      if (!add) changes.push({ add, mode });
      else {
        const param = args[next++];
        if (param !== undefined) changes.push({ add, mode, param });
      }
    } else if (FLAG_MODES.includes(mode)) {
      changes.push({ add, mode });
    } else {
      unknown.push(mode);
    }
  }
  return { changes, unknown };
}

/** `+i-w` → changes for user modes; anything but i, w, o is unknown. */
export function parseUserModes(modeString: string): ParsedModes {
  const changes: ModeChange[] = [];
  const unknown: string[] = [];
  let add = true;
  for (const mode of modeString) {
    if (mode === "+" || mode === "-") add = mode === "+";
    else if ("iwo".includes(mode)) changes.push({ add, mode });
    else unknown.push(mode);
  }
  return { changes, unknown };
}

/** Folds applied changes into one mode string and its parameters: `+o-v alice bob`. */
export function formatModes(changes: ModeChange[]): string[] {
  let text = "";
  let sign = "";
  const params: string[] = [];
  for (const change of changes) {
    const wanted = change.add ? "+" : "-";
    if (wanted !== sign) {
      text += wanted;
      sign = wanted;
    }
    text += change.mode;
    if (change.param !== undefined) params.push(change.param);
  }
  return [text, ...params];
}
