/** The acting account and its data scope, shared by every module that checks who may see what. */
package cn.gongjiang.shared.security;
