/**
 * Administrative regions of Zhejiang (REF-1): the tree from province to township with GB/T 2260 codes, a
 * materialised path and the 26 mountain counties (山区26县). Owns schema {@code region}; other modules scope by
 * the path it hands out ({@link cn.gongjiang.region.RegionDirectory#pathOf}). Publishes nothing yet.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package cn.gongjiang.region;
