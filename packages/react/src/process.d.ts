// core is typed without Node's globals (nothing Node-only may slip in). Bundlers replace
// `process.env.NODE_ENV`, which is how development-only messages and warnings drop out of production builds.
declare const process: { env: { NODE_ENV?: string } };
