package io.kubeclient.transport;

import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose engines always send a fixed SNI name. The JDK HttpClient sets SNI
 * to the URI host when it configures each engine, so the name is re-applied in
 * {@link SSLEngine#setSSLParameters}.
 */
final class ServerNameSslContext {

    private ServerNameSslContext() {}

    static SSLContext wrap(SSLContext delegate, String serverName) {
        // An IP address is not a valid SNI name; like Go, send none then.
        SNIHostName sni = Tls.HostnameMatcher.isIpLiteral(serverName) ? null : new SNIHostName(serverName);
        return new SSLContext(new Spi(delegate, sni), delegate.getProvider(), delegate.getProtocol()) {};
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final SNIHostName sni;

        Spi(SSLContext delegate, SNIHostName sni) {
            this.delegate = delegate;
            this.sni = sni;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return new Engine(delegate.createSSLEngine(), sni);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return new Engine(delegate.createSSLEngine(host, port), sni);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }

    /** Delegates everything, replacing the SNI name whenever parameters are set. */
    private static final class Engine extends SSLEngine {
        private final SSLEngine d;
        private final SNIHostName sni;

        Engine(SSLEngine d, SNIHostName sni) {
            super(d.getPeerHost(), d.getPeerPort());
            this.d = d;
            this.sni = sni;
            setSSLParameters(d.getSSLParameters());
        }

        @Override
        public void setSSLParameters(SSLParameters params) {
            params.setServerNames(sni == null ? List.of() : List.of(sni));
            d.setSSLParameters(params);
        }

        @Override
        public SSLParameters getSSLParameters() {
            return d.getSSLParameters();
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
            return d.wrap(srcs, offset, length, dst);
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
            return d.wrap(src, dst);
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, ByteBuffer dst) throws SSLException {
            return d.wrap(srcs, dst);
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
            return d.unwrap(src, dsts, offset, length);
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
            return d.unwrap(src, dst);
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts) throws SSLException {
            return d.unwrap(src, dsts);
        }

        @Override
        public Runnable getDelegatedTask() {
            return d.getDelegatedTask();
        }

        @Override
        public void closeInbound() throws SSLException {
            d.closeInbound();
        }

        @Override
        public boolean isInboundDone() {
            return d.isInboundDone();
        }

        @Override
        public void closeOutbound() {
            d.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return d.isOutboundDone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return d.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return d.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            d.setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedProtocols() {
            return d.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return d.getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            d.setEnabledProtocols(protocols);
        }

        @Override
        public SSLSession getSession() {
            return d.getSession();
        }

        @Override
        public SSLSession getHandshakeSession() {
            return d.getHandshakeSession();
        }

        @Override
        public void beginHandshake() throws SSLException {
            d.beginHandshake();
        }

        @Override
        public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
            return d.getHandshakeStatus();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            d.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return d.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            d.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return d.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            d.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return d.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            d.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return d.getEnableSessionCreation();
        }

        @Override
        public String getApplicationProtocol() {
            return d.getApplicationProtocol();
        }

        @Override
        public String getHandshakeApplicationProtocol() {
            return d.getHandshakeApplicationProtocol();
        }

        @Override
        public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
            d.setHandshakeApplicationProtocolSelector(selector);
        }

        @Override
        public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
            return d.getHandshakeApplicationProtocolSelector();
        }
    }
}
