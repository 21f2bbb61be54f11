// Type tests, checked by `pnpm typecheck`: the wire types inferred from the schemas are precise.
import type {
  BuildResult,
  ProductPagePayload,
  ProductUpdatePayload,
  PurchasedItemsPayload,
  StatusCartInput,
  StatusCartPayload,
} from '../src/index'

type Quantity = StatusCartPayload['StatusCart']['Products'][number]['quantity']
export const quantities: Quantity[] = [2, '2']
// @ts-expect-error a boolean is no quantity
export const notQuantity: Quantity = true

export const price: ProductPagePayload['ProductPage']['Product']['price'] = '754 USD'
export const stock: ProductUpdatePayload['ProductUpdate'][number]['isInStock'] = 1
export const noGuid: PurchasedItemsPayload['PurchasedItems']['GUID'] = undefined

export const eventName: StatusCartPayload['GeneralInfo']['eventName'] = 'StatusCart'
// @ts-expect-error another event's name does not fit
export const otherEventName: StatusCartPayload['GeneralInfo']['eventName'] = 'ProductPage'

// @ts-expect-error the builder needs the cart GUID (the tracker layer fills it)
export const cartWithoutGuid: StatusCartInput = { products: [] }

export function warningsOf(result: BuildResult): number {
  return result.ok ? (result.warnings?.length ?? 0) : result.error.issues.length
}
