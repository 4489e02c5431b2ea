// A module loaded on first use: every function instance loads lib/index.js,
// so a function file imports its service this way and only the function that
// runs pays for the service's code (and its dependencies).
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
