import { test } from 'node:test';
import assert from 'node:assert/strict';
import taskpool from '../@ohos.taskpool';
import { BusinessError } from '../@ohos.base';
import { throwsCode } from './helpers';

function add(a: number, b: number): number {
  return a + b;
}

test('execute a function, a task and a group', async () => {
  assert.equal(await taskpool.execute(add, 2, 3), 5);
  const task = new taskpool.Task('adder', add, 4, 5);
  assert.equal(task.name, 'adder');
  assert.equal(task.isDone(), false);
  assert.equal(await taskpool.execute(task), 9);
  assert.equal(task.isDone(), true);
  const group = new taskpool.TaskGroup('g');
  group.addTask(add, 1, 1);
  group.addTask(new taskpool.Task(async (x: number) => x * 10, 3));
  assert.deepEqual(await taskpool.execute(group), [2, 30]);
});

test('errors in a task reject its Promise', async () => {
  const failing = new taskpool.Task(() => {
    throw new Error('boom');
  });
  let reported = '';
  failing.onExecutionFailed((e: Error) => {
    reported = e.message;
  });
  await assert.rejects(taskpool.execute(failing) as Promise<Object>, /boom/);
  assert.equal(reported, 'boom');
});

test('cancel before the task runs', async () => {
  const task = new taskpool.Task(add, 1, 2);
  const result = taskpool.execute(task);
  taskpool.cancel(task);
  await assert.rejects(result as Promise<Object>, (e: unknown) => e instanceof BusinessError);
  throwsCode(() => taskpool.cancel(new taskpool.Task(add, 1, 1)), 10200015);
  throwsCode(() => taskpool.cancel(new taskpool.TaskGroup()), 10200018);
});

test('dependencies, delays, sequence runners and sendData', async () => {
  const order: string[] = [];
  const first = new taskpool.Task(() => order.push('first'));
  const second = new taskpool.Task(() => order.push('second'));
  second.addDependency(first);
  throwsCode(() => first.addDependency(second), 10200026);
  const done = taskpool.execute(second);
  await taskpool.executeDelayed(5, first);
  await done;
  assert.deepEqual(order, ['first', 'second']);
  throwsCode(() => taskpool.executeDelayed(-1, new taskpool.Task(add, 1, 1)), 10200028);

  const runner = new taskpool.SequenceRunner();
  const results = await Promise.all([
    runner.execute(new taskpool.Task(async () => 'a')),
    runner.execute(new taskpool.Task(() => 'b')),
  ]);
  assert.deepEqual(results, ['a', 'b']);

  const received: number[] = [];
  const sender = new taskpool.Task(() => taskpool.Task.sendData(42));
  sender.onReceiveData((value: number) => received.push(value));
  await taskpool.execute(sender);
  assert.deepEqual(received, [42]);
  assert.equal(taskpool.isConcurrent(add), true);
  throwsCode(() => taskpool.execute(5 as unknown as Function), 401);
});
