// Runtime of '@ohos.base': the error type every ArkTS API throws, plus the
// callback shapes the SDK declares.

export interface Callback<T> {
  (data: T): void;
}

export interface ErrorCallback<T extends Error = BusinessError> {
  (err: T): void;
}

export interface AsyncCallback<T, E = void> {
  (err: BusinessError<E>, data: T): void;
}

/** An API error carrying the numeric code documented in the SDK (`@throws`). */
export class BusinessError<T = void> extends Error {
  code: number;
  data?: T;

  constructor(code: number, message: string, data?: T) {
    super(message);
    this.name = 'BusinessError';
    this.code = code;
    if (data !== undefined) {
      this.data = data;
    }
  }
}

export default BusinessError;
