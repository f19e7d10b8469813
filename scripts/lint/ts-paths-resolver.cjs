// An eslint-import resolver (interface v2) that resolves imports the way `tsc` does, with the
// repository's tsconfig paths (@rounds/*), so eslint-plugin-boundaries sees through the aliases.
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '../..');
const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const cache = ts.createModuleResolutionCache(root, (name) => name, options);

exports.interfaceVersion = 2;

exports.resolve = (source, file) => {
  const { resolvedModule } = ts.resolveModuleName(source, file, options, ts.sys, cache);
  if (resolvedModule && !resolvedModule.isExternalLibraryImport) {
    return { found: true, path: path.resolve(root, resolvedModule.resolvedFileName) };
  }
  // A package or a Node built-in: found, outside the repository's elements.
  return { found: Boolean(resolvedModule) || !source.startsWith('.'), path: null };
};
