package cn.gongjiang.subsidy.decisions;

/** How a beneficiary is shown to officers: the surname and the masked ID number, never more. */
public final class Beneficiaries {

	private Beneficiaries() {
	}

	public static String mask(String name, String idNumberMasked) {
		if (name == null || name.isEmpty()) {
			return idNumberMasked == null ? "—" : idNumberMasked;
		}
		return name.substring(0, 1) + "*".repeat(Math.max(0, name.length() - 1))
				+ (idNumberMasked == null ? "" : " " + idNumberMasked);
	}
}
