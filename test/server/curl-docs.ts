/**
 * Reads the curl examples out of an API docs page (copied verbatim into `docs/`): each command as the
 * argument list a shell would pass to curl, and the JSON response printed after it.
 */

export type DocExample = { line: number; args: string[]; response: unknown };

type Scan = { quote: "'" | '"' | undefined; words: string[]; word: string | undefined };

/** Splits shell text into words: quotes, backslash escapes and `\` line continuations, as sh does. */
const scan = (text: string): Scan => {
  const state: Scan = { quote: undefined, words: [], word: undefined };
  const push = (char: string) => (state.word = (state.word ?? '') + char);
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (state.quote === "'") {
      if (char === "'") state.quote = undefined;
      else push(char);
    } else if (state.quote === '"') {
      if (char === '"') state.quote = undefined;
      else if (char === '\\' && /["\\$`\n]/.test(text[i + 1] ?? '')) {
        if (text[i + 1] !== '\n') push(text[i + 1]!);
        i++;
      } else push(char);
    } else if (char === "'" || char === '"') {
      state.quote = char;
      state.word ??= '';
    } else if (char === '\\') {
      if (text[i + 1] !== '\n' && i + 1 < text.length) push(text[i + 1]!);
      i++;
    } else if (/\s/.test(char)) {
      if (state.word !== undefined) state.words.push(state.word);
      state.word = undefined;
    } else push(char);
  }
  return state;
};

/** A command goes on while a quote is open or its line ends in `\`. */
const complete = (text: string) => scan(text).quote === undefined && !/\\$/.test(text);

/** The first JSON value starting at `from`, before the next curl command. */
const responseAfter = (lines: string[], from: number): unknown => {
  for (let start = from; start < lines.length && !/^\s*curl /.test(lines[start]!); start++) {
    if (!/^\s*[{[]/.test(lines[start]!)) continue;
    for (let end = start + 1; end <= lines.length; end++) {
      try {
        return JSON.parse(lines.slice(start, end).join('\n'));
      } catch {
        // Not the whole value yet.
      }
    }
  }
  return undefined;
};

export const curlExamples = (page: string): DocExample[] => {
  const lines = page.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*curl /.test(lines[i]!)) continue;
    const line = i + 1;
    let text = lines[i]!.trim();
    while (!complete(text) && i + 1 < lines.length) text += `\n${lines[++i]!}`;
    const { words, word } = scan(text);
    examples.push({ line, args: word === undefined ? words : [...words, word], response: responseAfter(lines, i + 1) });
  }
  return examples;
};

/** The method and URL a curl argument list names (`-X`/`--request`, `--url` or the bare URL). */
export const requestLine = (args: string[]) => {
  let method: string | undefined;
  let url: string | undefined;
  let data = false;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-X' || arg === '--request') method = args[++i];
    else if (arg === '--url') url = args[++i];
    else if (arg === '-H' || arg === '--header') i++;
    else if (arg === '-d' || arg === '--data') {
      data = true;
      i++;
    } else if (!arg.startsWith('-')) url = arg;
  }
  return { method: method ?? (data ? 'POST' : 'GET'), url: url ?? '' };
};
