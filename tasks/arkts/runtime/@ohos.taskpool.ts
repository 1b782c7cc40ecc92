// Runtime of '@ohos.taskpool'. Off-device there is one thread: a task runs on
// the event loop after the current synchronous code (so it can still be
// cancelled), and its result or error settles the returned Promise.
// Decorators are removed before bundling, so every function counts as
// concurrent here.
import { BusinessError } from './@ohos.base';
import { typeError } from './internal/errors';

const TASK_NOT_FOUND = 10200015;
const TASK_CANCELED = 10200016; // reason given to the Promise of a cancelled task
const GROUP_NOT_FOUND = 10200018;
const NEGATIVE_DELAY = 10200028;
const CIRCULAR_DEPENDENCY = 10200026;

let nextTaskId = 1;
let running: taskpool.Task | undefined;

interface Pending {
  canceled: boolean;
  reject: (reason: unknown) => void;
}

function checkFunctionArg(func: unknown): Function {
  if (typeof func !== 'function') {
    throw typeError('func', 'function', func);
  }
  return func;
}

function nextTurn(delay: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, delay));
}

namespace taskpool {
  export enum Priority {
    HIGH = 0,
    MEDIUM = 1,
    LOW = 2,
    IDLE = 3,
  }

  export enum State {
    WAITING = 1,
    RUNNING = 2,
    CANCELED = 3,
  }

  export type CallbackFunction = () => void;
  export type CallbackFunctionWithError = (e: Error) => void;

  export class Task {
    function: Function;
    arguments?: Object[];
    name: string;
    totalDuration = 0;
    ioDuration = 0;
    cpuDuration = 0;
    readonly taskId = nextTaskId++;
    private dependencies = new Set<Task>();
    private finish: () => void = () => undefined;
    /** Settles when the task has run (successfully or not); dependants wait on it. */
    private readonly finished = new Promise<void>((resolve) => {
      this.finish = resolve;
    });
    private done = false;
    pending: Pending | undefined;
    private receiver: Function | undefined;
    private enqueued: CallbackFunction | undefined;
    private started: CallbackFunction | undefined;
    private failed: CallbackFunctionWithError | undefined;
    private succeeded: CallbackFunction | undefined;

    constructor(nameOrFunc: string | Function, ...args: Object[]) {
      if (typeof nameOrFunc === 'string') {
        this.name = nameOrFunc;
        this.function = checkFunctionArg(args.shift());
      } else {
        this.function = checkFunctionArg(nameOrFunc);
        this.name = '';
      }
      this.arguments = args;
    }

    /** Whether the task now running was cancelled. */
    static isCanceled(): boolean {
      return running?.pending?.canceled ?? false;
    }

    /** Hands data to the running task's onReceiveData callback. */
    static sendData(...args: Object[]): void {
      const receiver = running?.receiver;
      if (receiver === undefined) {
        throw new BusinessError(10200023, 'The callback for receiving data has not been registered.');
      }
      receiver(...args);
    }

    setTransferList(transfer?: ArrayBuffer[]): void {
      void transfer;
    }

    setCloneList(cloneList: Object[] | ArrayBuffer[]): void {
      void cloneList;
    }

    onReceiveData(callback?: Function): void {
      if (callback !== undefined && typeof callback !== 'function') {
        throw typeError('callback', 'function', callback);
      }
      this.receiver = callback;
    }

    /** This task starts only after every dependency has finished. */
    addDependency(...tasks: Task[]): void {
      for (const task of tasks) {
        if (!(task instanceof Task)) {
          throw typeError('tasks', 'Task', task);
        }
        if (task === this || task.dependsOn(this)) {
          throw new BusinessError(CIRCULAR_DEPENDENCY, 'There is a circular dependency.');
        }
        this.dependencies.add(task);
      }
    }

    removeDependency(...tasks: Task[]): void {
      for (const task of tasks) {
        this.dependencies.delete(task);
      }
    }

    private dependsOn(task: Task): boolean {
      for (const dependency of this.dependencies) {
        if (dependency === task || dependency.dependsOn(task)) {
          return true;
        }
      }
      return false;
    }

    onEnqueued(callback: CallbackFunction): void {
      this.enqueued = callback;
    }

    onStartExecution(callback: CallbackFunction): void {
      this.started = callback;
    }

    onExecutionFailed(callback: CallbackFunctionWithError): void {
      this.failed = callback;
    }

    onExecutionSucceeded(callback: CallbackFunction): void {
      this.succeeded = callback;
    }

    isDone(): boolean {
      return this.done;
    }

    /** Runs the task once its dependencies are done; settles with its result. */
    run(delay: number): Promise<Object> {
      return new Promise<Object>((resolve, reject) => {
        const pending: Pending = { canceled: false, reject };
        this.pending = pending;
        this.enqueued?.();
        const waits = [...this.dependencies].map((task) => task.finished);
        Promise.all(waits)
          .then(() => nextTurn(delay))
          .then(async () => {
            if (pending.canceled) {
              this.finish();
              return;
            }
            const start = Date.now();
            this.started?.();
            running = this;
            let result: Promise<unknown>;
            try {
              result = Promise.resolve(this.function(...(this.arguments ?? [])));
            } catch (error) {
              result = Promise.reject(error);
            } finally {
              running = undefined;
            }
            try {
              const value = await result;
              this.totalDuration = this.cpuDuration = Date.now() - start;
              this.done = true;
              this.succeeded?.();
              resolve(value as Object);
            } catch (error) {
              this.failed?.(error as Error);
              reject(error);
            } finally {
              this.finish();
            }
          });
      });
    }
  }

  export class LongTask extends Task {}

  export class GenericsTask<A extends Array<Object>, R> extends Task {
    constructor(nameOrFunc: string | ((...args: A) => R | Promise<R>), ...args: Object[]) {
      super(nameOrFunc as string | Function, ...args);
    }
  }

  export class TaskGroup {
    name: string;
    tasks: Task[] = [];

    constructor(name?: string) {
      this.name = name ?? '';
    }

    addTask(funcOrTask: Function | Task, ...args: Object[]): void {
      this.tasks.push(funcOrTask instanceof Task ? funcOrTask : new Task(checkFunctionArg(funcOrTask), ...args));
    }
  }

  /** Runs its tasks one after another in submission order. */
  export class SequenceRunner {
    private tail: Promise<unknown> = Promise.resolve();

    constructor(nameOrPriority?: string | Priority, priority?: Priority) {
      void nameOrPriority;
      void priority;
    }

    execute(task: Task): Promise<Object> {
      if (!(task instanceof Task)) {
        throw typeError('task', 'Task', task);
      }
      const result = this.tail.then(() => task.run(0));
      this.tail = result.catch(() => undefined);
      return result;
    }
  }

  const groupRuns = new WeakMap<TaskGroup, Task[]>();

  export function execute(target: Function | Task | TaskGroup, ...rest: Object[]): Promise<Object> {
    if (target instanceof TaskGroup) {
      groupRuns.set(target, target.tasks);
      return Promise.all(target.tasks.map((task) => task.run(0))) as Promise<Object>;
    }
    if (target instanceof Task) {
      return target.run(0);
    }
    return new Task(checkFunctionArg(target), ...rest).run(0);
  }

  export function executeDelayed(delayTime: number, task: Task, priority?: Priority): Promise<Object> {
    void priority;
    if (typeof delayTime !== 'number') {
      throw typeError('delayTime', 'number', delayTime);
    }
    if (delayTime < 0) {
      throw new BusinessError(NEGATIVE_DELAY, 'The delayTime is less than zero');
    }
    if (!(task instanceof Task)) {
      throw typeError('task', 'Task', task);
    }
    return task.run(delayTime);
  }

  /** Cancels a task (or every task of a group) that has not started; its Promise rejects. */
  export function cancel(target: Task | TaskGroup): void {
    if (target instanceof TaskGroup) {
      const tasks = groupRuns.get(target);
      if (tasks === undefined) {
        throw new BusinessError(GROUP_NOT_FOUND, 'The task group to cancel does not exist.');
      }
      tasks.forEach((task) => cancelTask(task));
      groupRuns.delete(target);
      return;
    }
    if (!(target instanceof Task)) {
      throw typeError('task', 'Task', target);
    }
    const pending = target.pending;
    if (pending === undefined || pending.canceled || target.isDone()) {
      throw new BusinessError(TASK_NOT_FOUND, 'The task to cancel does not exist.');
    }
    cancelTask(target);
  }

  function cancelTask(task: Task): void {
    const pending = task.pending;
    if (pending !== undefined && !pending.canceled && !task.isDone()) {
      pending.canceled = true;
      pending.reject(new BusinessError(TASK_CANCELED, 'The task is canceled.'));
    }
  }

  export function isConcurrent(func: Function): boolean {
    if (typeof func !== 'function') {
      throw typeError('func', 'function', func);
    }
    return true;
  }
}

export default taskpool;
