// The few Mocha globals the tests use (@web/test-runner provides Mocha at run time).
type MochaCallback = (this: { timeout(ms: number): void }) => void | Promise<void>;
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: MochaCallback): void;
declare function before(body: MochaCallback): void;
declare function after(body: MochaCallback): void;
declare function beforeEach(body: MochaCallback): void;
declare function afterEach(body: MochaCallback): void;
