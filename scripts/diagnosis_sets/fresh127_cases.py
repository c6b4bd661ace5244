"""One hundred and twenty-seventh fresh held-out set for the diagnosis: one planted bug per program in
fresh127/, written for this set as people write and port these networks. The theme is Gumbel-softmax
and concrete relaxations with the Gumbel noise fixed as data (made by fresh127/make_data.py):

  * catvae_numpy.py:CatVAE / catvae_torch.py:CatVAE: a categorical-latent autoencoder. A tanh encoder
    (W1, b1) gives the logits of one 6-way latent (W2, b2); the soft sample is
    softmax((logits + g_t) / tau_t) with g_t = gumbel[t % 32] read from catvae.npz and the temperature
    annealed by the step, tau_t = max(0.5, exp(-0.1 t)); a linear decoder (Wd, bd) reconstructs the
    12 inputs; loss = mean over rows of the summed squared error + 0.1 * mean KL(softmax(logits) ||
    uniform). Hand-written backward and Adam; the port uses nn.Linear, F.softmax, F.log_softmax and
    torch.optim.Adam (lr 0.01).
  * concrete_numpy.py:ConcreteAE / concrete_torch.py:ConcreteAE: a concrete autoencoder
    (differentiable feature selection). Selection logits alpha (4, 10) give
    M = softmax((alpha + g_t) / tau_t, axis=1) with g_t from concrete.npz and an exponential
    annealing tau_t = 2 * 0.1 ** (t / 20); the selected features X M^T go through a ReLU decoder
    (W1, b1, W2, b2) that reconstructs all 10 features; loss = mean squared error. Hand-written
    backward and SGD with momentum 0.9 (lr 0.05, torch's form v = mu v + g); the port keeps alpha as
    an nn.Parameter and uses torch.optim.SGD.
  * sthard_numpy.py:STGumbelNet / sthard_torch.py:STGumbelNet: a discrete bottleneck classifier with
    straight-through hard Gumbel-softmax samples. The Gumbel noise of 3 categorical variables of 4
    classes is packed into the last 12 columns of X (sthard.npz); logits = feats We + be, soft sample
    softmax((logits + g) / tau_t) with linear annealing tau_t = max(0.5, 1 - 0.05 t), the forward
    pass uses the one-hot argmax and the backward pass the soft sample (straight-through); a linear
    classifier (Wc, bc) and mean softmax cross-entropy over 3 classes; plain SGD lr 0.5. The port
    writes y_hard - y_soft.detach() + y_soft and uses F.cross_entropy and torch.optim.SGD.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh127_cases

Each case:
    id          short name (prefixed SW)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the NumPy
                program against the port, both as written, parameters paired with --param
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or its tests; validated by exit
status alone (each bug fails, its fixed copy passes, each correct program passes).
"""

F = "scripts/diagnosis_sets/fresh127/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

CATVAE_PARAMS = ["--param", "params['W1']=enc1.weight.T", "--param", "params['b1']=enc1.bias",
                 "--param", "params['W2']=enc2.weight.T", "--param", "params['b2']=enc2.bias",
                 "--param", "params['Wd']=dec.weight.T", "--param", "params['bd']=dec.bias"]
CONCRETE_PARAMS = ["--param", "params['alpha']=alpha",
                   "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
                   "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]
STHARD_PARAMS = ["--param", "params['We']=enc.weight.T", "--param", "params['be']=enc.bias",
                 "--param", "params['Wc']=cls.weight.T", "--param", "params['bc']=cls.bias"]


def catvae(numpy="catvae_numpy.py", port="catvae_torch.py", params=CATVAE_PARAMS):
    return [F + numpy + ":CatVAE", "--torch", F + port + ":CatVAE", "--as-written",
            "--data", F + "catvae.npz", *params, *RUN]


def concrete(numpy="concrete_numpy.py", port="concrete_torch.py", params=CONCRETE_PARAMS):
    return [F + numpy + ":ConcreteAE", "--torch", F + port + ":ConcreteAE", "--as-written",
            "--data", F + "concrete.npz", *params, *RUN]


def sthard(numpy="sthard_numpy.py", port="sthard_torch.py", params=STHARD_PARAMS):
    return [F + numpy + ":STGumbelNet", "--torch", F + port + ":STGumbelNet", "--as-written",
            "--data", F + "sthard.npz", *params, *RUN]


CASES = [
    # ---- porting bugs: the buggy port against the correct NumPy program
    {"id": "SW01", "side": "port", "args": catvae(port="01_softmax_axis_port.py"),
     "mechanism": "the Gumbel-softmax sample normalised over the batch axis (dim=0) instead of over the categories (dim=-1)",
     "expected": ("axis", "dim", "batch axis", "normaliz", "normalis")},
    {"id": "SW02", "side": "port", "args": catvae(port="02_adamw_port.py"),
     "mechanism": "torch.optim.AdamW instead of Adam: its default decoupled weight decay 0.01 shrinks every parameter",
     "expected": ("weight decay", "adamw", "decoupled", "decay")},
    {"id": "SW03", "side": "port", "args": catvae(port="03_kl_mean_port.py"),
     "mechanism": "the KL to the uniform prior averaged over the categories as well as the rows (.mean() instead of .sum(-1).mean()): the KL term divided by K",
     "expected": ("kl", "mean", "reduction", "categories", "divided")},
    {"id": "SW04", "side": "port", "args": catvae(port="04_tau_floor_port.py"),
     "mechanism": "the annealed temperature without its floor max(tau_min, ...): from step 8 on the port's temperature keeps falling below 0.5",
     "expected": ("temperature", "tau", "floor", "clamp", "schedule")},
    {"id": "SW05", "side": "port", "args": concrete(port="05_noise_tau_port.py"),
     "mechanism": "the Gumbel noise added after dividing the logits by the temperature (alpha / tau + g instead of (alpha + g) / tau)",
     "expected": ("temperature", "noise", "gumbel", "tau", "scal")},
    {"id": "SW06", "side": "port", "args": concrete(port="06_zero_grad_port.py"),
     "mechanism": "optimizer.zero_grad() left out: the gradients accumulate over the steps",
     "expected": ("zero_grad", "accumulat")},
    {"id": "SW07", "side": "port", "args": sthard(port="07_st_detach_port.py"),
     "mechanism": "straight-through estimator with the detach on the wrong term (y_hard - y_soft + y_soft.detach()): the encoder's gradient has its sign flipped",
     "expected": ("sign", "detach", "straight-through", "negat", "opposite")},
    {"id": "SW08", "side": "port", "args": sthard(port="08_double_softmax_port.py"),
     "mechanism": "the port's forward returns softmax probabilities and F.cross_entropy applies a second softmax",
     "expected": ("softmax", "probabilit", "twice", "double", "logits")},
    # ---- NumPy bugs: the buggy NumPy program against the correct port
    {"id": "SW09", "side": "numpy", "args": catvae(numpy="09_tanh_deriv_numpy.py"),
     "mechanism": "tanh derivative taken of the pre-activation (1 - pre^2) instead of the activation (1 - h^2)",
     "expected": ("tanh", "derivative", "pre-activation", "activation")},
    {"id": "SW10", "side": "numpy", "args": catvae(numpy="10_kl_beta_numpy.py"),
     "mechanism": "the KL weight beta left out of the KL gradient (kept in the loss)",
     "expected": ("beta", "kl", "weight", "coefficient")},
    {"id": "SW11", "side": "numpy", "args": concrete(numpy="11_tau_chain_numpy.py"),
     "mechanism": "the selection logits' gradient not divided by the temperature (chain rule through (alpha + g) / tau forgotten)",
     "expected": ("temperature", "tau", "alpha", "chain rule")},
    {"id": "SW12", "side": "numpy", "args": concrete(numpy="12_momentum_order_numpy.py"),
     "mechanism": "momentum SGD applies the old velocity before updating it with the new gradient (update in the wrong order)",
     "expected": ("momentum", "velocity", "order", "stale", "lag")},
    {"id": "SW13", "side": "numpy", "args": concrete(numpy="13_tau_precedence_numpy.py"),
     "mechanism": "operator precedence in the annealing schedule: tau0 * r ** t / T instead of tau0 * r ** (t / T)",
     "expected": ("temperature", "precedence", "schedule", "exponent", "tau")},
    {"id": "SW14", "side": "numpy", "args": sthard(numpy="14_softmax_jac_numpy.py"),
     "mechanism": "softmax Jacobian without its off-diagonal term: ds = y_soft * dz, the - sum(dz * y_soft) part forgotten",
     "expected": ("softmax", "jacobian", "derivative", "off-diagonal")},
    {"id": "SW15", "side": "numpy", "args": sthard(numpy="15_ce_mean_numpy.py"),
     "mechanism": "cross-entropy gradient not divided by the batch size though the loss is a mean over rows",
     "expected": ("batch size", "mean", "sum", "ratio", "scale")},
    {"id": "SW16", "side": "numpy", "args": sthard(numpy="16_tau_step_order_numpy.py"),
     "mechanism": "the step counter incremented before the forward pass: the annealed temperature is one step ahead (off by one)",
     "expected": ("temperature", "off-by-one", "off by one", "schedule", "counter")},
    # ---- correct programs written differently
    {"id": "SW17", "side": "correct",
     "args": catvae(port="17_catvae_kldiv_torch.py",
                    params=["--param", "params['W1']=p.W1", "--param", "params['b1']=p.b1",
                            "--param", "params['W2']=p.W2", "--param", "params['b2']=p.b2",
                            "--param", "params['Wd']=p.Wd", "--param", "params['bd']=p.bd"]),
     "mechanism": "correct: a port with a ParameterDict in the NumPy layout, exp(log_softmax) and F.kl_div to the uniform prior",
     "expected": ()},
    {"id": "SW18", "side": "correct", "args": concrete(numpy="18_concrete_delta_numpy.py"),
     "mechanism": "correct: momentum kept as a displacement delta = mu delta - lr g, einsum selection backward",
     "expected": ()},
    {"id": "SW19", "side": "correct",
     "args": sthard(numpy="19_sthard_outin_numpy.py",
                    params=["--param", "params['We']=enc.weight", "--param", "params['be']=enc.bias",
                            "--param", "params['Wc']=cls.weight", "--param", "params['bc']=cls.bias"]),
     "mechanism": "correct: weights kept (out, in), explicit softmax Jacobian with einsum, one-hot cross-entropy gradient",
     "expected": ()},
]
