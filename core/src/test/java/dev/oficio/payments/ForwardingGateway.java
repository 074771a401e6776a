package dev.oficio.payments;

/** A gateway that forwards every call; tests override the calls they break. */
class ForwardingGateway implements PaymentGateway {
  private final PaymentGateway delegate;

  ForwardingGateway(PaymentGateway delegate) {
    this.delegate = delegate;
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public GatewayCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public GatewayOutcome authorize(GatewayCall.Authorize request) {
    return delegate.authorize(request);
  }

  @Override
  public GatewayOutcome capture(GatewayCall.Capture request) {
    return delegate.capture(request);
  }

  @Override
  public GatewayOutcome voidHold(GatewayCall.VoidHold request) {
    return delegate.voidHold(request);
  }

  @Override
  public GatewayOutcome charge(GatewayCall.Charge request) {
    return delegate.charge(request);
  }

  @Override
  public GatewayOutcome refund(GatewayCall.Refund request) {
    return delegate.refund(request);
  }

  @Override
  public GatewayOutcome transfer(GatewayCall.Transfer request) {
    return delegate.transfer(request);
  }

  @Override
  public GatewayOutcome reverseTransfer(GatewayCall.ReverseTransfer request) {
    return delegate.reverseTransfer(request);
  }

  @Override
  public GatewayOutcome lookup(GatewayCall.Lookup request) {
    return delegate.lookup(request);
  }
}
