import { describe, expect, it } from 'vitest';
import { samlMetadataProblem } from './provider-check.ts';

const CERT = 'MIIC'.padEnd(400, 'A');
const IDP = `<?xml version="1.0"?><EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sts.windows.net/t/"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${CERT}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/t/saml2"/></IDPSSODescriptor></EntityDescriptor>`;

describe('SAML metadata', () => {
  it('is accepted when it describes an identity provider with a sign-in address and a signing certificate', () => {
    expect(samlMetadataProblem(IDP)).toBeUndefined();
    expect(samlMetadataProblem(IDP.replaceAll('<EntityDescriptor', '<md:EntityDescriptor').replaceAll('</EntityDescriptor', '</md:EntityDescriptor'))).toBeUndefined();
  });

  it('says what is missing otherwise', () => {
    expect(samlMetadataProblem('{"issuer":"x"}')).toMatch(/not SAML metadata/);
    expect(samlMetadataProblem(IDP.replaceAll('IDPSSODescriptor', 'SPSSODescriptor'))).toMatch(/identity provider/);
    expect(samlMetadataProblem(IDP.replace(/<SingleSignOnService[^>]*\/>/, ''))).toMatch(/sign-in address/);
    expect(samlMetadataProblem(IDP.replace(CERT, ''))).toMatch(/signing certificate/);
  });
});
