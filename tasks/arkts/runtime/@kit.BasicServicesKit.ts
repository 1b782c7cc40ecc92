// Runtime of '@kit.BasicServicesKit': the BusinessError of '@ohos.base'.
export { BusinessError } from './@ohos.base';
export type { AsyncCallback, Callback, ErrorCallback } from './@ohos.base';
