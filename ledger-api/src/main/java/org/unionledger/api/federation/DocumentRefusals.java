package org.unionledger.api.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.members.CredentialCodes;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.federation.Commands.RecordDocumentRefusal;
import org.unionledger.federation.DocumentKind;
import org.unionledger.federation.RefusalId;
import org.unionledger.union.UnionId;

/**
 * Records the refusal of a document from another ledger ({@link RecordDocumentRefusal}:
 * what it claims, the SHA-256 of what was presented, who presented it) and answers it as
 * a problem naming the refusal ({@code refusalId}).
 */
@Service
public class DocumentRefusals {

	private final CommandGateway commands;

	private final Actors actors;

	private final SecureRandom random;

	public DocumentRefusals(CommandGateway commands, Actors actors, SecureRandom random) {
		this.commands = commands;
		this.actors = actors;
		this.random = random;
	}

	/** Records the refusal as the signed-in user; the problem to throw. */
	public ApiException refuse(DocumentKind kind, String document, UnionId presenting,
			DocumentRefusedException refusal) {
		return refuse(kind, document, presenting, refusal, this.actors.current());
	}

	/** Records the refusal as {@code by}; the problem to throw. */
	public ApiException refuse(DocumentKind kind, String document, UnionId presenting, DocumentRefusedException refusal,
			org.unionledger.common.RecordedBy by) {
		String text = (document != null) ? document : "";
		String issuer = null;
		String id = null;
		try {
			JWTClaimsSet claims = SignedJWT.parse(text.strip()).getJWTClaimsSet();
			issuer = claims.getIssuer();
			id = (kind == DocumentKind.RECEIPT) ? claims.getStringClaim("credential") : claims.getJWTID();
		}
		catch (ParseException | RuntimeException ex) {
			// Unreadable: nothing claimed is kept.
		}
		RefusalId refusalId = new RefusalId("fd-" + CredentialCodes.next(this.random).value().substring(3));
		this.commands.sendAndWait(
				new RecordDocumentRefusal(refusalId, kind, refusal.reason(), issuer, id, sha256(text), presenting, by));
		return ApiException.of(refusal.reason().rule(), "document", refusal.getMessage())
			.with("refusalId", refusalId.value());
	}

	/** The SHA-256 of a document as presented, in lower-case hex. */
	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
