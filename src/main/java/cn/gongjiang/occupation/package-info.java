/**
 * The national occupational classification (REF-2, 职业分类大典 2022): 8 大类 down to 1,639 细类 with the green and
 * digital flags. Owns schema {@code occupation}; read-only reference data, publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package cn.gongjiang.occupation;
