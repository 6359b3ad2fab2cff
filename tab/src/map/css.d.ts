/** CSS files are bundled as text (esbuild loader) and added to the page by the module that needs them. */
declare module '*.css' {
  const text: string;
  export default text;
}
