// Types for the two sucrase parser modules async-tracking.ts imports: sucrase ships them under
// dist/types/, beside rather than next to the JavaScript files.
declare module 'sucrase/dist/parser/index.js' {
  export { parse } from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export { TokenType } from 'sucrase/dist/types/parser/tokenizer/types';
}
