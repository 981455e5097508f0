package org.unionledger.api.transfers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.statistics.StatisticsRequests;
import org.unionledger.common.Rule;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.membership.CredentialCode;
import org.unionledger.projections.credentials.CredentialView;
import org.unionledger.projections.credentials.FindCredential;
import org.unionledger.projections.statistics.ScopeKeys;
import org.unionledger.projections.transfers.FindTransfers;
import org.unionledger.projections.transfers.TransfersView;
import org.unionledger.statistics.StatisticalCalendar;
import org.unionledger.union.UnionId;

/**
 * Transfers of a jurisdiction or union: members moved between cities over a statistical
 * year (for a Sankey chart), credentials outstanding and expired (also per unit below),
 * and a credential's code as a QR code for its issuing union's officers to print.
 */
@RestController
public class TransferFlowController {

	private final QueryGateway queries;

	private final StatisticsRequests requests;

	private final JurisdictionTable jurisdictions;

	private final StatisticalCalendar calendar;

	private final AccessScopes access;

	/**
	 * Where people reach the ledger ({@code ledger.public-base-url}, e.g.
	 * {@code https://ledger.example.org}); blank: the address of the request.
	 */
	private final String publicBaseUrl;

	public TransferFlowController(QueryGateway queries, StatisticsRequests requests, JurisdictionTable jurisdictions,
			StatisticalCalendar calendar, AccessScopes access,
			@Value("${ledger.public-base-url:}") String publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
		this.queries = queries;
		this.requests = requests;
		this.jurisdictions = jurisdictions;
		this.calendar = calendar;
		this.access = access;
	}

	@GetMapping("/api/jurisdictions/{code}/transfers")
	public Transfers jurisdiction(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		Jurisdiction jurisdiction = this.requests.jurisdiction(code);
		this.access.requireReadable(jurisdiction.code());
		List<Jurisdiction> children = this.jurisdictions.children(jurisdiction.code());
		List<String> childScopes = children.stream().map((child) -> ScopeKeys.jurisdiction(child.code())).toList();
		TransfersView view = transfers(ScopeKeys.jurisdiction(jurisdiction.code()), childScopes, year, asOf);
		List<Transfers.UnitCredentials> units = new ArrayList<>();
		for (int i = 0; i < children.size(); i++) {
			units.add(new Transfers.UnitCredentials(children.get(i).code().value(), children.get(i).name(),
					view.children().get(i).outstanding(), view.children().get(i).expired()));
		}
		return new Transfers(jurisdiction.code().value(), jurisdiction.name(), null, flows(view), credentials(view),
				units);
	}

	@GetMapping("/api/unions/{unionId}/transfers")
	public Transfers union(@PathVariable String unionId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		UnionId id = this.requests.union(unionId);
		this.access.union(id).ifPresent(this.access::requireUnionReadable);
		TransfersView view = transfers(ScopeKeys.union(id), List.of(), year, asOf);
		return new Transfers(null, null, id.value(), flows(view), credentials(view), null);
	}

	private TransfersView transfers(String scope, List<String> children, Integer year, LocalDate asOf) {
		LocalDate effective = this.requests.pastDate(asOf, "asOf");
		int statisticalYear = this.requests.year(year, effective);
		LocalDate today = this.requests.today();
		LocalDate last = this.calendar.lastDay(statisticalYear);
		LocalDate cut = (effective != null) ? effective : today;
		if (cut.isAfter(last)) {
			cut = last;
		}
		return this.queries
			.query(new FindTransfers(scope, children, statisticalYear, this.calendar.firstDay(statisticalYear), cut,
					today), ResponseTypes.instanceOf(TransfersView.class))
			.join();
	}

	private List<Transfers.CityFlow> flows(TransfersView view) {
		return view.flows()
			.stream()
			.map((flow) -> new Transfers.CityFlow(flow.fromCity(), name(flow.fromCity()), flow.toCity(),
					name(flow.toCity()), flow.count()))
			.toList();
	}

	private static Transfers.CredentialCounts credentials(TransfersView view) {
		return new Transfers.CredentialCounts(view.credentials().outstanding(), view.credentials().expired());
	}

	private String name(String city) {
		return this.jurisdictions.find(org.unionledger.jurisdiction.JurisdictionCode.of(city))
			.map(Jurisdiction::name)
			.orElse(city);
	}

	/**
	 * The credential as a QR code (PNG), for the officers of its issuing union (and
	 * system administrators) to print; to anyone else it is unknown. It holds the link to
	 * the dashboard's acceptance page with the code filled in
	 * ({@code <base>/ui/#/accept/<code>}), the base being {@code ledger.public-base-url}
	 * or, when that is blank, the address the request came to.
	 */
	@ApiResponse(responseCode = "200", description = "The QR code",
			content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/api/transfer-credentials/{code}/qr")
	public ResponseEntity<byte[]> qr(@PathVariable String code) {
		this.access.requireSomeUnionActor();
		CredentialView credential = Optional.of(code)
			.filter((c) -> c.matches("[A-Z0-9-]{4,40}"))
			.flatMap((c) -> this.queries
				.query(new FindCredential(new CredentialCode(c)),
						ResponseTypes.optionalInstanceOf(CredentialView.class))
				.join())
			.filter((c) -> this.access.canActFor(c.issuingUnionId()))
			.orElseThrow(() -> ApiException.of(Rule.CREDENTIAL_UNKNOWN, "code", "no credential with this code"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(png(acceptanceLink(credential.code().value()), 240));
	}

	/** The absolute link to the acceptance page of the credential. */
	String acceptanceLink(String code) {
		String base = this.publicBaseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: this.publicBaseUrl;
		return base + "/ui/#/accept/" + code;
	}

	public static byte[] png(String text, int size) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 2);
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(),
					BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("a credential code always fits a QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
