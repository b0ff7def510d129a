package cn.gongjiang.registry;

/** A provider as another module checks it (an evaluation body's filing): its code, name, kind, place and status. */
public record ProviderIdentity(String creditCode, String name, String kind, String regionPath, String status) {
}
