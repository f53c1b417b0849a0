// postject ships no types; its documented API (README "Using Programatically"), as used here
declare module "postject" {
  export function inject(
    filename: string,
    resourceName: string,
    resourceData: Buffer,
    options?: {
      readonly sentinelFuse?: string
      readonly machoSegmentName?: string
      readonly overwrite?: boolean
    },
  ): Promise<void>
}
