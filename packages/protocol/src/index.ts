export * from './ids';
export * from './ops';
export * from './errors';
export * from './push';
export * from './matches';
export * from './routes';
