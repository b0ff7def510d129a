/**
 * Value types every module speaks in (ID numbers, credit codes, region and occupation codes, skill grades,
 * certificate types), the actor and data scope of a request, and the one way errors leave the system.
 * Owns no schema; publishes no events.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.gongjiang.shared;
