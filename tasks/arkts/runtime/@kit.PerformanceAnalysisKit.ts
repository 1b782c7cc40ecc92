// Runtime of '@kit.PerformanceAnalysisKit': hilog only.
export { default as hilog } from './@ohos.hilog';
