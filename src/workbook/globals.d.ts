// The one platform API the reader uses: WHATWG TextDecoder (browsers, Node ≥ 11, Office webviews).
// Declared here so that tsconfig.workbook.json can check the reader without the DOM or Node types.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
