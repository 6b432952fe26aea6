// The finder's data: small JSON files of the site itself (sop_builder/site/finder_data.py).

/** The JSON at ``base + path``; fails on an HTTP error. */
export function getJSON(base, path) {
  return fetch(base + path, { credentials: "same-origin" }).then((response) => {
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response.json();
  });
}

/** ``load(key)`` once per key (again after a failure); ``.value(key)``: the value once loaded. */
export function cached(load) {
  const promises = new Map();
  const values = new Map();
  const get = (key) => {
    if (!promises.has(key)) {
      const promise = load(key).then((value) => {
        values.set(key, value);
        return value;
      });
      promise.catch(() => promises.delete(key));
      promises.set(key, promise);
    }
    return promises.get(key);
  };
  get.value = (key) => values.get(key);
  return get;
}
