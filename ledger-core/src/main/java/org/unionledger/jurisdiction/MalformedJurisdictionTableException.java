package org.unionledger.jurisdiction;

/** A division table file could not be loaded; the message names the file and line. */
public class MalformedJurisdictionTableException extends IllegalArgumentException {

	private final String fileName;

	private final int lineNumber;

	public MalformedJurisdictionTableException(String fileName, int lineNumber, String problem) {
		super(fileName + " line " + lineNumber + ": " + problem);
		this.fileName = fileName;
		this.lineNumber = lineNumber;
	}

	public String fileName() {
		return this.fileName;
	}

	public int lineNumber() {
		return this.lineNumber;
	}

}
