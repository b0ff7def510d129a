/**
 * Personal-information protection (X-2, 个人信息保护): ID and mobile numbers sealed at rest with SM4-GCM (AES-GCM
 * selectable), a keyed HMAC-SM3 index for exact lookup and uniqueness, and the masking rules for screens and exports.
 * Owns no schema; keys come from configuration or, for the embedded default, a key file in the data folder.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package cn.gongjiang.privacy;
