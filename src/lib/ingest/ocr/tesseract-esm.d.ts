// tesseract.js's own ES module build (ocr/browser.ts): the library as its default export.
declare module 'tesseract.js/dist/tesseract.esm.min.js' {
  const tesseract: typeof import('tesseract.js');
  export default tesseract;
}
