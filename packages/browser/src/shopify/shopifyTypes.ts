// The parts of Shopify's Web Pixels API that the adapter reads, as Shopify documents them
// (`@shopify/web-pixels-extension`: standard events' `data`, `init`, `browser`, `customerPrivacy`).
// Every field is optional here: the adapter checks each one it needs and reports what is missing, so
// a store on an older or newer pixel API version still gets every event that it can read.

/** An amount of money (`MoneyV2`): a decimal `amount` (a number, or a numeric string) and its currency. */
export interface ShopifyMoney {
  amount?: number | string | null
  currencyCode?: string | null
}

/** A product variant (`ProductVariant`): what a product page shows and a cart line holds. */
export interface ShopifyProductVariant {
  id?: string | number | null
  price?: ShopifyMoney | null
  product?: { id?: string | number | null; title?: string | null } | null
  title?: string | null
}

/** A cart line (`CartLine`): a variant and how many of it. */
export interface ShopifyCartLine {
  merchandise?: ShopifyProductVariant | null
  quantity?: number | null
}

/** A cart (`Cart`), as `init.data.cart` and `cart_viewed` give it. */
export interface ShopifyCart {
  lines?: ShopifyCartLine[] | null
}

/** A checkout line (`CheckoutLineItem`). */
export interface ShopifyCheckoutLineItem {
  variant?: ShopifyProductVariant | null
  quantity?: number | null
  /** The line's total after line discounts (all its units). */
  finalLinePrice?: ShopifyMoney | null
}

/** A checkout (`Checkout`), as `checkout_completed` gives it. */
export interface ShopifyCheckout {
  order?: { id?: string | number | null } | null
  lineItems?: ShopifyCheckoutLineItem[] | null
  email?: string | null
  phone?: string | null
  currencyCode?: string | null
}

/** A signed-in customer (`init.data.customer`). */
export interface ShopifyCustomer {
  id?: string | number | null
  email?: string | null
  phone?: string | null
}

/** One customer event as `analytics.subscribe` hands it to its callback. */
export interface ShopifyEvent {
  name?: string
  /** The event's own id: the same event delivered twice keeps it. */
  id?: string
  /** The standard event's data: `productVariant`, `collection`, `searchResult`, `cartLine`, `cart`, `checkout`. */
  data?: unknown
  /** A snapshot of the top frame (its location, referrer, screen) when the event happened. */
  context?: ShopifyContext | null
}

/** The top frame's state the adapter puts in GeneralInfo (`context` of `init` and of each event). */
export interface ShopifyContext {
  document?: { location?: { href?: string } | null; referrer?: string | null } | null
  window?: { screen?: { width?: number; height?: number } | null } | null
}

/** The consent flags of the visitor (`init.customerPrivacy`, `visitorConsentCollected`). */
export interface ShopifyCustomerPrivacy {
  analyticsProcessingAllowed?: boolean
}

/** The pixel's `init`: a snapshot of the page when the pixel started. */
export interface ShopifyInit {
  context?: ShopifyContext | null
  data?: { cart?: ShopifyCart | null; customer?: ShopifyCustomer | null } | null
  customerPrivacy?: ShopifyCustomerPrivacy | null
}

/** The pixel's `analytics`: subscribing to customer events. */
export interface ShopifyAnalytics {
  /** Calls `callback` with each customer event named `name` (`all_events` for every one). */
  subscribe(name: string, callback: (event: ShopifyEvent) => void): unknown
}

/**
 * The pixel's `browser`: the top frame's cookies and localStorage, reached asynchronously
 * (a pixel has no `document.cookie` and no `window.localStorage` of the shop).
 */
export interface ShopifyBrowser {
  cookie: {
    /** The cookie's value; `''` when there is none. */
    get(name: string): Promise<string>
    /** Sets a cookie from its string form (`name=value; path=/; ...`). */
    set(cookie: string): Promise<unknown>
  }
  localStorage: {
    /** The stored value; `null` when there is none. */
    getItem(key: string): Promise<string | null>
    /** Stores a value. */
    setItem(key: string, value: string): Promise<unknown>
    /** Deletes a value. */
    removeItem(key: string): Promise<unknown>
    /** The name of the `index`th key; `null` past the last. */
    key(index: number): Promise<string | null>
    /** How many keys there are. */
    length(): Promise<number>
  }
}

/** The pixel's `customerPrivacy`: tells when the visitor's consent changes. */
export interface ShopifyCustomerPrivacyApi {
  /** Calls `callback` whenever the visitor gives or changes their consent. */
  subscribe(
    name: 'visitorConsentCollected',
    callback: (event: { customerPrivacy?: ShopifyCustomerPrivacy }) => void,
  ): unknown
}
