// npm's cmd-shim ships no types: the one call the launcher test makes (cmd-shim's README).
declare module 'cmd-shim' {
  export default function cmdShim(from: string, to: string): Promise<void>;
}
