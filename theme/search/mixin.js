/* A class's methods kept in modules of their own: their methods join the class's. */

/** Give ``target`` (a class) the methods of each class in ``sources``. */
export const mixIn = (target, ...sources) => {
  for (const source of sources) {
    for (const name of Object.getOwnPropertyNames(source.prototype)) {
      if (name !== "constructor") {
        Object.defineProperty(target.prototype, name, Object.getOwnPropertyDescriptor(source.prototype, name));
      }
    }
  }
};
