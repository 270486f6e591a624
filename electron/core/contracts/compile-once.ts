/**
 * Compiling takes the real sigma compiler a noticeable moment, and a LETS's trees never change: each compiles once
 * per process, keyed by the parameters that go into its named constants.
 */
export function compileOnce<P, C>(keyOf: (parameters: P) => readonly unknown[], compile: (parameters: P) => C): (parameters: P) => C {
  const compiled = new Map<string, C>();
  return (parameters) => {
    const key = keyOf(parameters).join(':');
    let result = compiled.get(key);
    if (result === undefined) {
      result = compile(parameters);
      compiled.set(key, result);
    }
    return result;
  };
}
