// A minimal webpack loader: strips TypeScript types with the compiler the repo already has, so
// the bench can bundle the workspace packages (which ship .ts sources) without another tool.
import ts from 'typescript';

/** Transpiles one TypeScript module to modern ESM JavaScript (no type check: tsc does that). */
export default function transpileTypeScript(source) {
  const { outputText } = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      jsx: ts.JsxEmit.ReactJSX,
      isolatedModules: true,
    },
  });
  return outputText;
}
