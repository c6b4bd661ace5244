"""One hundred and thirty-first fresh held-out set of the diagnosis: one planted bug per program in
fresh131/ (eight PyTorch ports checked against the correct NumPy program, eight NumPy programs
checked against the correct port), and three correct programs written another way. The theme is
normalisation layers written by hand inside small residual MLP blocks: LayerNorm with a learnable
gain and bias (its full backward through the mean and the variance, eps inside the square root),
RMSNorm, GroupNorm over the features split into groups, weight normalisation (w = g * v / ||v||);
tanh-approximation GELU activations; trained with AdamW (decoupled weight decay) or Adam.

The base programs (data written by fresh131/make_data.py, seed 131, whole batch every step):

    ln_numpy.py:LNResMLP / ln_torch.py:LNResMLP   (ln.npz: X (64, 6), y (64, 2))
        h = X @ W_in + b_in (width 16); two pre-LayerNorm residual blocks
        h = h + gelu(LN(h) * g + b @ W1 + b1) @ W2 + b2 (16 -> 32 -> 16); a final LayerNorm and
        a linear head to 2 outputs; loss mean((out - y)^2) over every element. LayerNorm over
        the features, biased variance, eps 1e-5 inside the square root; the NumPy backward goes
        step by step through the variance and the mean. AdamW lr 1e-2, betas (0.9, 0.999),
        eps 1e-8, weight decay 0.01 on every parameter. The port writes its LayerNorm by hand
        (x.var(unbiased=False)), uses F.gelu(approximate="tanh") and torch.optim.AdamW.

    rg_numpy.py:RGNet / rg_torch.py:RGNet   (rg.npz: X (64, 8), y int64 (64,) in {0, 1, 2})
        h0 = X @ W_in + b_in (width 12); an RMSNorm residual block
        h1 = h0 + gelu(RMSNorm(h0) * rms_g @ W1 + b1) @ W2 + b2 (RMSNorm h / sqrt(mean(h^2) + eps),
        gain only); a GroupNorm residual block h2 = h1 + gelu(GN(h1) * gn_g + gn_b @ W3 + b3) @ W4 + b4
        (3 groups of 4 consecutive features, biased variance, eps 1e-5); logits = h2 @ W_out + b_out;
        softmax cross-entropy averaged over the rows. Adam lr 5e-3, betas (0.9, 0.999), eps 1e-8,
        no weight decay. The port writes RMSNorm by hand, uses nn.GroupNorm(3, 12), F.cross_entropy
        and torch.optim.Adam.

    wn_numpy.py:WNResMLP / wn_torch.py:WNResMLP   (wn.npz: X (48, 5), y (48, 1))
        h = X @ W_in + b_in (width 16); two residual blocks h = h + gelu(h @ W1 + b1) @ W2 + b2 whose
        square weights are weight-normalised, W = g * v / ||v|| with one norm per output unit
        (columns of the NumPy (in, out) v, rows of the port's (out, in) v); a linear head to 1
        output; loss mean((out - y)^2). AdamW lr 1e-2, betas (0.9, 0.999), eps 1e-8, decoupled
        weight decay 0.05 on W_in, W_out and the directions v only (two parameter groups: no decay
        on the gains g and the biases). The port writes its weight-normalised layer by hand.

Every NumPy program keeps self.params, self.grads, and Adam's self.m / self.v keyed alike; its
train_step(X, y) returns the loss. Every port has make_optimizer(model) and
train_step(model, optimizer, X, y). Parameters are paired explicitly with --param.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh131_cases

Each case:
    id          short name (prefixed TA)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                runner adds --steps 20 --dtype float32 --device cpu where a case does not give them
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings list or the other sets; validated by
exit status alone (each buggy program fails, exit 1, and passes once its marked line is fixed;
each correct program passes, exit 0).
"""

F = "scripts/diagnosis_sets/fresh131/"


def P(numpy_expr, torch_name):
    return ["--param", f"{numpy_expr}={torch_name}"]


def ln_params():
    a = P("params['W_in']", "in_proj.weight.T") + P("params['b_in']", "in_proj.bias")
    for l in range(2):
        a += (P(f"params['ln{l}_g']", f"blocks.{l}.ln.weight") + P(f"params['ln{l}_b']", f"blocks.{l}.ln.bias")
              + P(f"params['W1_{l}']", f"blocks.{l}.fc1.weight.T") + P(f"params['b1_{l}']", f"blocks.{l}.fc1.bias")
              + P(f"params['W2_{l}']", f"blocks.{l}.fc2.weight.T") + P(f"params['b2_{l}']", f"blocks.{l}.fc2.bias"))
    return a + (P("params['lnf_g']", "ln_f.weight") + P("params['lnf_b']", "ln_f.bias")
                + P("params['W_out']", "head.weight.T") + P("params['b_out']", "head.bias"))


def ln_seq_params():
    a = P("params['W_in']", "stem.weight.T") + P("params['b_in']", "stem.bias")
    for l in range(2):
        a += (P(f"params['ln{l}_g']", f"blocks.{l}.body.0.weight") + P(f"params['ln{l}_b']", f"blocks.{l}.body.0.bias")
              + P(f"params['W1_{l}']", f"blocks.{l}.body.1.weight.T") + P(f"params['b1_{l}']", f"blocks.{l}.body.1.bias")
              + P(f"params['W2_{l}']", f"blocks.{l}.body.3.weight.T") + P(f"params['b2_{l}']", f"blocks.{l}.body.3.bias"))
    return a + (P("params['lnf_g']", "norm.weight") + P("params['lnf_b']", "norm.bias")
                + P("params['W_out']", "out.weight.T") + P("params['b_out']", "out.bias"))


def rg_params(rows=False):
    def b(name, n):
        return f"{name}.reshape(1,{n})" if rows else name
    a = P("params['W_in']", "in_proj.weight.T") + P("params['b_in']", b("in_proj.bias", 12))
    a += P("params['rms_g']", b("rms.weight", 12))
    a += P("params['W1']", "fc1.weight.T") + P("params['b1']", b("fc1.bias", 24))
    a += P("params['W2']", "fc2.weight.T") + P("params['b2']", b("fc2.bias", 12))
    a += P("params['gn_g']", b("gn.weight", 12)) + P("params['gn_b']", b("gn.bias", 12))
    a += P("params['W3']", "fc3.weight.T") + P("params['b3']", b("fc3.bias", 24))
    a += P("params['W4']", "fc4.weight.T") + P("params['b4']", b("fc4.bias", 12))
    return a + P("params['W_out']", "head.weight.T") + P("params['b_out']", b("head.bias", 3))


def wn_params(parametrized=False):
    a = P("params['W_in']", "in_proj.weight.T") + P("params['b_in']", "in_proj.bias")
    for l in range(2):
        for j in (1, 2):
            m = f"blocks.{l}.fc{j}"
            if parametrized:
                a += (P(f"params['v{j}_{l}']", f"{m}.parametrizations.weight.original1.T")
                      + P(f"params['g{j}_{l}']", f"{m}.parametrizations.weight.original0.reshape(16)"))
            else:
                a += P(f"params['v{j}_{l}']", f"{m}.v.T") + P(f"params['g{j}_{l}']", f"{m}.g")
            a += P(f"params['b{j}_{l}']", f"{m}.bias")
    return a + P("params['W_out']", "head.weight.T") + P("params['b_out']", "head.bias")


def ln(numpy="ln_numpy.py", port="ln_torch.py", params=None):
    return [F + numpy + ":LNResMLP", "--torch", F + port + ":LNResMLP", "--as-written",
            "--data", F + "ln.npz"] + (ln_params() if params is None else params)


def rg(numpy="rg_numpy.py", port="rg_torch.py", params=None):
    return [F + numpy + ":RGNet", "--torch", F + port + ":RGNet", "--as-written",
            "--data", F + "rg.npz"] + (rg_params() if params is None else params)


def wn(numpy="wn_numpy.py", port="wn_torch.py", params=None):
    return [F + numpy + ":WNResMLP", "--torch", F + port + ":WNResMLP", "--as-written",
            "--data", F + "wn.npz"] + (wn_params() if params is None else params)


CASES = [
    # ---------------------------------------------------------------- ports with one bug
    {"id": "TA01", "side": "port", "args": ln(port="01_gelu_exact_port.py"),
     "mechanism": "the port's GELU is F.gelu's default exact erf form, not the tanh approximation the NumPy program uses",
     "expected": ("gelu", "tanh approximation", "approximate", "erf", "activation")},
    {"id": "TA02", "side": "port", "args": ln(port="02_ln_unbiased_port.py"),
     "mechanism": "the port's hand-written LayerNorm takes x.var() with Bessel's correction (unbiased, N-1) instead of the biased variance",
     "expected": ("unbiased", "bessel", "biased", "n - 1", "variance")},
    {"id": "TA03", "side": "port", "args": ln(port="03_adam_l2_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=...) (an L2 term coupled into the gradient) where the NumPy program makes AdamW's decoupled weight decay",
     "expected": ("decoupled", "adamw", "l2", "weight decay")},
    {"id": "TA04", "side": "port", "args": rg(port="04_gn_groups_port.py"),
     "mechanism": "nn.GroupNorm given the group size (12 // 3 = 4 groups of 3) as its number of groups instead of 3 groups of 4",
     "expected": ("num_groups", "number of groups", "groups", "groupnorm")},
    {"id": "TA05", "side": "port", "args": rg(port="05_rms_axis_port.py"),
     "mechanism": "the port's RMSNorm takes the mean of squares over the batch dimension (dim=0) instead of over the features",
     "expected": ("axis", "dim=0", "batch dimension", "over the batch", "rmsnorm")},
    {"id": "TA06", "side": "port", "args": rg(port="06_zero_grad_port.py"),
     "mechanism": "optimizer.zero_grad() left out of the port's train_step, so the gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat")},
    {"id": "TA07", "side": "port", "args": wn(port="07_wn_dim_port.py"),
     "mechanism": "the port's weight norm divides the (out, in) direction by its column norms (norm over dim=0, the outputs) instead of one norm per output row",
     "expected": ("weight norm", "weight_norm", "dim", "axis", "per output")},
    {"id": "TA08", "side": "port", "args": wn(port="08_wn_decay_port.py"),
     "mechanism": "the port's second AdamW parameter group (gains g and biases) is given the weight decay too, where the NumPy program decays only the weights and directions",
     "expected": ("weight decay", "decay", "parameter group", "no_decay")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TA09", "side": "numpy", "args": ln(numpy="09_ln_dmu_numpy.py"),
     "mechanism": "the LayerNorm backward leaves out the term through the mean (dmu / D), so dx misses the gradient through mu",
     "expected": ("dmu", "through the mean", "mean term", "layernorm", "layer norm")},
    {"id": "TA10", "side": "numpy", "args": ln(numpy="10_gelu_deriv_numpy.py"),
     "mechanism": "the tanh-GELU derivative uses 0.044715 instead of 3 * 0.044715 for the derivative of the cubic inside the tanh",
     "expected": ("gelu", "derivative", "0.044715", "cubic", "activation")},
    {"id": "TA11", "side": "numpy", "args": ln(numpy="11_vhat_numpy.py"),
     "mechanism": "AdamW's second moment is used without its bias correction (v_hat = v instead of v / (1 - beta2^t))",
     "expected": ("bias correction", "bias-correction", "second moment", "beta2")},
    {"id": "TA12", "side": "numpy", "args": rg(numpy="12_gn_gain_numpy.py"),
     "mechanism": "the GroupNorm backward forgets to multiply the upstream gradient by the gain gamma before normalising it back (dxhat = dout instead of dout * g)",
     "expected": ("gain", "gamma", "groupnorm", "group norm", "scale")},
    {"id": "TA13", "side": "numpy", "args": rg(numpy="13_rms_dg_numpy.py"),
     "mechanism": "the RMSNorm gain gradient is summed against the raw input x instead of the normalised x / rms",
     "expected": ("normalised", "normalized", "rms_g", "gain", "raw input")},
    {"id": "TA14", "side": "numpy", "args": rg(numpy="14_adam_eps_numpy.py"),
     "mechanism": "Adam's epsilon is added inside the square root (sqrt(v_hat + eps)) instead of after it",
     "expected": ("epsilon", "eps", "square root", "sqrt")},
    {"id": "TA15", "side": "numpy", "args": wn(numpy="15_wn_transpose_numpy.py"),
     "mechanism": "the first block layer's weight gradient is computed transposed (da.T @ h instead of h.T @ da) on its square (16, 16) weight",
     "expected": ("transpose", "transposed", "layout")},
    {"id": "TA16", "side": "numpy", "args": wn(numpy="16_wn_dg_numpy.py"),
     "mechanism": "the weight-norm gain gradient dg = sum(dW * v) is not divided by ||v|| (and the direction gradient, which uses dg, is wrong with it)",
     "expected": ("weight norm", "weight_norm", "||v||", "gain")},
    # ---------------------------------------------------------------- correct programs
    {"id": "TA17", "side": "correct", "args": ln(port="17_ln_seq_port.py", params=ln_seq_params()),
     "mechanism": "correct: the port built from nn.LayerNorm, nn.GELU(approximate='tanh') and nn.Sequential residual blocks, nn.MSELoss",
     "expected": ()},
    {"id": "TA18", "side": "correct", "args": wn(port="18_wn_param_port.py", params=wn_params(parametrized=True)),
     "mechanism": "correct: the port's block layers are nn.Linear under torch.nn.utils.parametrizations.weight_norm (g kept as an (out, 1) column), groups picked by name",
     "expected": ()},
    {"id": "TA19", "side": "correct", "args": rg(numpy="19_rg_rows_numpy.py", params=rg_params(rows=True)),
     "mechanism": "correct: the NumPy program keeps biases and gains as (1, n) rows, writes the RMSNorm backward in compact form, the GroupNorm backward step by step, and folds Adam's bias corrections into the step size and epsilon",
     "expected": ()},
]
