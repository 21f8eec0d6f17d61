// Types for the gas-local package (it ships none): loads a folder of .js files into one vm context.
declare module "gas-local" {
  /** Options of `gas.require`. */
  interface GasRequireOptions {
    /** Which files to load (default: names ending in .js). */
    filter?: (path: string) => boolean;
  }

  const gas: {
    /** Runs every matching file under `folderPath` in `vm.createContext(globalObject)`; returns the context. */
    require(folderPath: string, globalObject?: object, options?: GasRequireOptions): Record<string, unknown>;
    /** gas-local's own minimal Logger/Utilities mock (not used by this project). */
    globalMockDefault: object;
  };
  export default gas;
}
