"""One hundred thirty-second fresh held-out set for the diagnosis: one planted bug per program in
fresh132/ (make_data.py writes its gan.npz and wgan.npz), on a theme none of the earlier sets
share. The theme is generative adversarial networks on 2-D points with the latent noise fixed as
data (the .npz's y): a generator MLP and a discriminator MLP trained by alternating updates in one
training step, the discriminator first on real and generated points, then the generator through
the freshly updated discriminator; two optimizers.

Base programs:

  gan_numpy.py:GAN / gan_torch.py:GAN (gan.npz: X (64, 2) points on a ring of 8 Gaussians,
    y (64, 4) latent noise z, the whole batch every step). Generator Linear(4,16) -> ReLU ->
    Linear(16,2); discriminator Linear(2,16) -> LeakyReLU(0.2) -> Linear(16,1), a logit.
    Discriminator loss: BCE-with-logits on the real points against the one-sided smoothed label
    0.9 plus BCE on G(z) (detached) against 0, each a mean over the batch; generator loss the
    non-saturating -log D(G(z)) (BCE against 1) through the updated discriminator. Two Adam
    optimizers with betas (0.5, 0.999), eps 1e-8, lr 2e-3 (D) and 1e-3 (G). NumPy: parameters
    in self.params (G_W1 ... D_b2, weights (in, out)), a hand-written backward, self.grads (D from
    the discriminator step, G from the generator step), Adam by hand with self.m, self.v and
    separate step counts. Port: nn.Module with G and D submodules (nn.Linear), both optimizers
    zeroed at the start of the step, G(z) recomputed for the generator step with D frozen
    (requires_grad off); the step returns d_loss + g_loss and keeps the generated points (compared
    as the output).

  wgan_numpy.py:WGAN / wgan_torch.py:WGAN (wgan.npz: X (128, 2) points on 4 Gaussians at the
    corners of a square, y (128, 3) latent noise; mini-batches of 32, X and z cut alike).
    Generator Linear(3,16) -> ReLU -> Linear(16,2); critic Linear(2,16) -> tanh -> Linear(16,1),
    no sigmoid. Critic loss mean C(G(z)) - mean C(X), a plain SGD step (lr 0.05), then weight
    clipping of every critic parameter (weights and biases) to [-0.05, 0.05]; generator loss
    -mean C(G(z)) through the clipped critic, plain SGD (lr 0.02). NumPy: parameters as
    attributes (Wg1, bg1, Wg2, bg2, Wc1, bc1, Wc2, bc2; weights (in, out)), self.grads, in-place
    np.clip. Port: nn.Sequential G and C, torch.optim.SGD each, p.data.clamp_ after the critic's
    step, critic frozen for the generator step; the step returns the critic's loss.

Correct variants: gan_numpy_alt.py (layers as dicts with (out, in) weights, a stacked real+fake
batch, Adam with explicit m_hat/v_hat) against gan_torch.py; gan_torch_alt.py (nn.Parameters and
a functional forward, BCE from F.logsigmoid, generator gradients from torch.autograd.grad) against
gan_numpy.py; wgan_torch_alt.py (SGD and clamping by hand under torch.no_grad(), no torch.optim)
against wgan_numpy.py.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh132_cases

Each case:
    id          short name (prefixed TB)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a
                port's bug is checked against the correct NumPy base, a NumPy program's bug
                against the correct port
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a
                correct program

Written without reading the kit's diagnosis rules, its findings reference or any earlier set;
validated by exit status alone (each buggy program fails, exit 1, and passes once its `# fix:`
line is applied, exit 0; the correct programs pass).
"""

F = "scripts/diagnosis_sets/fresh132/"

_RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

_GAN_PARAMS = [
    "--param", "params['G_W1']=G.fc1.weight.T", "--param", "params['G_b1']=G.fc1.bias",
    "--param", "params['G_W2']=G.fc2.weight.T", "--param", "params['G_b2']=G.fc2.bias",
    "--param", "params['D_W1']=D.fc1.weight.T", "--param", "params['D_b1']=D.fc1.bias",
    "--param", "params['D_W2']=D.fc2.weight.T", "--param", "params['D_b2']=D.fc2.bias",
]
_GAN_TORCH = [
    "--torch-init", "model = GAN(); opt_d, opt_g = make_optimizers(model); optimizer = opt_d",
    "--torch-step", "train_step(model, opt_d, opt_g, X, y)",
    "--output", "net.fake", "--torch-output", "model.fake",
]


def gan(numpy="gan_numpy.py", port="gan_torch.py"):
    return [F + numpy + ":GAN", "--torch", F + port + ":GAN", "--as-written",
            "--data", F + "gan.npz", *_GAN_PARAMS, *_GAN_TORCH, *_RUN]


_WGAN_PARAMS = [
    "--param", "Wg1=G.0.weight.T", "--param", "bg1=G.0.bias",
    "--param", "Wg2=G.2.weight.T", "--param", "bg2=G.2.bias",
    "--param", "Wc1=C.0.weight.T", "--param", "bc1=C.0.bias",
    "--param", "Wc2=C.2.weight.T", "--param", "bc2=C.2.bias",
]
_WGAN_TORCH = [
    "--torch-init", "model = WGAN(); opt_c, opt_g = make_optimizers(model); optimizer = opt_c",
    "--torch-step", "train_step(model, opt_c, opt_g, X, y)",
    "--output", "net.fake", "--torch-output", "model.fake",
]


def wgan(numpy="wgan_numpy.py", port="wgan_torch.py"):
    return [F + numpy + ":WGAN", "--torch", F + port + ":WGAN", "--as-written",
            "--data", F + "wgan.npz", "--batch-size", "32", *_WGAN_PARAMS, *_WGAN_TORCH, *_RUN]


CASES = [
    # ---------------------------------------------------------------- ports, against the NumPy base
    {"id": "TB01", "side": "port", "args": gan(port="01_betas_port.py"),
     "mechanism": "the discriminator's torch.optim.Adam left at the default betas (0.9, 0.999) instead of (0.5, 0.999)",
     "expected": ("beta", "betas", "beta1", "0.5", "momentum")},
    {"id": "TB02", "side": "port", "args": gan(port="02_smooth_port.py"),
     "mechanism": "one-sided label smoothing dropped: the real points' BCE target is 1 instead of 0.9",
     "expected": ("label smoothing", "smooth", "0.9", "real label", "target")},
    {"id": "TB03", "side": "port", "args": gan(port="03_detach_port.py"),
     "mechanism": "G(z) not detached in the discriminator's loss, so the generator's gradient also receives the discriminator loss's gradient (both zeroed only at the start of the step)",
     "expected": ("detach", "discriminator loss", "d_loss", "accumulat")},
    {"id": "TB04", "side": "port", "args": gan(port="04_saturating_port.py"),
     "mechanism": "saturating generator loss: minimises log(1 - D(G(z))) (minus BCE against 0) instead of the non-saturating -log D(G(z))",
     "expected": ("saturating", "non-saturating", "log(1 - d", "generator loss")},
    {"id": "TB05", "side": "port", "args": gan(port="05_slope_port.py"),
     "mechanism": "nn.LeakyReLU() at its default negative slope 0.01 instead of 0.2 in the discriminator",
     "expected": ("leaky", "negative slope", "slope", "0.2", "0.01")},
    {"id": "TB06", "side": "port", "args": wgan(port="06_cliporder_port.py"),
     "mechanism": "the critic's weight clipping done before opt_c.step() instead of after it, so the stepped weights leave [-c, c]",
     "expected": ("clip", "clamp", "order", "before the step", "after the step")},
    {"id": "TB07", "side": "port", "args": wgan(port="07_gsign_port.py"),
     "mechanism": "the generator's WGAN loss has the wrong sign: mean C(G(z)) instead of -mean C(G(z))",
     "expected": ("sign", "negat", "opposite", "direction")},
    {"id": "TB08", "side": "port", "args": wgan(port="08_clipweights_port.py"),
     "mechanism": "only the critic's weights are clamped; its biases are left unclipped",
     "expected": ("bias", "clip", "clamp", "unclipped")},
    # ---------------------------------------------------------------- NumPy programs, against the port
    {"id": "TB09", "side": "numpy", "args": gan(numpy="09_leaky_numpy.py"),
     "mechanism": "the LeakyReLU backward zeroes the negative side (the ReLU derivative) instead of multiplying it by the slope 0.2",
     "expected": ("leaky", "derivative", "slope", "relu")},
    {"id": "TB10", "side": "numpy", "args": gan(numpy="10_biascorr_numpy.py"),
     "mechanism": "Adam's second-moment bias correction left out of the denominator (sqrt(v) instead of sqrt(v / (1 - beta2^t)))",
     "expected": ("bias correction", "bias-correction", "second moment", "beta2", "exp_avg_sq")},
    {"id": "TB11", "side": "numpy", "args": gan(numpy="11_stale_numpy.py"),
     "mechanism": "the generator's step reuses the discriminator's forward pass on G(z) from before the discriminator's update instead of running the updated discriminator",
     "expected": ("stale", "before the update", "updated discriminator", "cached", "order")},
    {"id": "TB12", "side": "numpy", "args": gan(numpy="12_glr_numpy.py"),
     "mechanism": "the generator's Adam step uses the discriminator's learning rate 2e-3 instead of its own 1e-3",
     "expected": ("learning rate", "lr", "step size", "factor 2")},
    {"id": "TB13", "side": "numpy", "args": wgan(numpy="13_tanh_numpy.py"),
     "mechanism": "the critic's tanh derivative written 1 - h instead of 1 - h**2",
     "expected": ("tanh", "derivative", "1 - h")},
    {"id": "TB14", "side": "numpy", "args": wgan(numpy="14_gradclip_numpy.py"),
     "mechanism": "the critic's gradients are clipped (after the update, so to no effect) instead of its weights: weight clipping never happens",
     "expected": ("clip", "weight clipping", "gradient clipping", "clamp")},
    {"id": "TB15", "side": "numpy", "args": wgan(numpy="15_fakegrad_numpy.py"),
     "mechanism": "the generated batch's term left out of the critic's first-layer weight gradient (only the real batch's)",
     "expected": ("fake", "generated", "missing term", "Wc1")},
    {"id": "TB16", "side": "numpy", "args": wgan(numpy="16_meanbias_numpy.py"),
     "mechanism": "the generator's first bias gradient averaged over the batch instead of summed (an extra 1/N, the loss already a mean)",
     "expected": ("mean", "batch size", "1/n", "bg1", "32")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TB17", "side": "correct",
     "args": [F + "gan_numpy_alt.py:GANLayers", "--torch", F + "gan_torch.py:GAN", "--as-written",
              "--data", F + "gan.npz",
              "--param", "gen[0]['W']=G.fc1.weight", "--param", "gen[0]['b']=G.fc1.bias",
              "--param", "gen[1]['W']=G.fc2.weight", "--param", "gen[1]['b']=G.fc2.bias",
              "--param", "disc[0]['W']=D.fc1.weight", "--param", "disc[0]['b']=D.fc1.bias",
              "--param", "disc[1]['W']=D.fc2.weight", "--param", "disc[1]['b']=D.fc2.bias",
              *_GAN_TORCH, *_RUN],
     "mechanism": "correct: layers as dicts with (out, in) weights, real and fake stacked in one discriminator batch, Adam with explicit m_hat and v_hat",
     "expected": ()},
    {"id": "TB18", "side": "correct",
     "args": [F + "gan_numpy.py:GAN", "--torch", F + "gan_torch_alt.py:FunctionalGAN", "--as-written",
              "--data", F + "gan.npz",
              "--param", "params['G_W1']=g_w1.T", "--param", "params['G_b1']=g_b1",
              "--param", "params['G_W2']=g_w2.T", "--param", "params['G_b2']=g_b2",
              "--param", "params['D_W1']=d_w1.T", "--param", "params['D_b1']=d_b1",
              "--param", "params['D_W2']=d_w2.T", "--param", "params['D_b2']=d_b2",
              "--torch-init", "model = FunctionalGAN(); opt_d, opt_g = make_optimizers(model); optimizer = opt_d",
              "--torch-step", "train_step(model, opt_d, opt_g, X, y)",
              "--output", "net.fake", "--torch-output", "model.fake", *_RUN],
     "mechanism": "correct: nn.Parameters with a functional forward, BCE written with F.logsigmoid, generator gradients by torch.autograd.grad",
     "expected": ()},
    {"id": "TB19", "side": "correct",
     "args": [F + "wgan_numpy.py:WGAN", "--torch", F + "wgan_torch_alt.py:WGANPair", "--as-written",
              "--data", F + "wgan.npz", "--batch-size", "32",
              "--param", "Wg1=gen.inp.weight.T", "--param", "bg1=gen.inp.bias",
              "--param", "Wg2=gen.out.weight.T", "--param", "bg2=gen.out.bias",
              "--param", "Wc1=critic.inp.weight.T", "--param", "bc1=critic.inp.bias",
              "--param", "Wc2=critic.out.weight.T", "--param", "bc2=critic.out.bias",
              "--torch-init", "model = WGANPair()",
              "--torch-step", "train_step(model, X, y)",
              "--output", "net.fake", "--torch-output", "model.fake", *_RUN],
     "mechanism": "correct: SGD and weight clipping written by hand under torch.no_grad(), no torch.optim",
     "expected": ()},
]
