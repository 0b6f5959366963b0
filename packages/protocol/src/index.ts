export * from './ids';
export * from './ops';
export * from './errors';
export * from './push';
export * from './matches';
export * from './routes';
export * from './feed';
export * from './effective-log';
