// Runtime of '@kit.ArkTS': the kit's re-exports of the modules implemented here.
export { default as ArrayList } from './@ohos.util.ArrayList';
export { default as Deque } from './@ohos.util.Deque';
export { default as HashMap } from './@ohos.util.HashMap';
export { default as HashSet } from './@ohos.util.HashSet';
export { default as LightWeightMap } from './@ohos.util.LightWeightMap';
export { default as LightWeightSet } from './@ohos.util.LightWeightSet';
export { default as LinkedList } from './@ohos.util.LinkedList';
export { default as List } from './@ohos.util.List';
export { default as PlainArray } from './@ohos.util.PlainArray';
export { default as Queue } from './@ohos.util.Queue';
export { default as Stack } from './@ohos.util.Stack';
export { default as TreeMap } from './@ohos.util.TreeMap';
export { default as TreeSet } from './@ohos.util.TreeSet';
export { default as Vector } from './@ohos.util.Vector';
export { default as util } from './@ohos.util';
export { default as JSON } from './@ohos.util.json';
export { default as taskpool } from './@ohos.taskpool';
