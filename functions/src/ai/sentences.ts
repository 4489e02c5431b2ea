// A text cut into its sentences, keeping every character: the pieces
// concatenated are the text again (the space after a sentence starts the
// next piece). How the local provider streams an answer it already has.
export function sentencePieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  // A sentence ends at . ! ? or … (optionally closed by a quote or bracket) followed by whitespace.
  for (const match of text.matchAll(/[.!?…]["”’)\]]*(?=\s+\S)/g)) {
    const end = match.index + match[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}
