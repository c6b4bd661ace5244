"""Two hundred and first fresh held-out set for the diagnosis: one planted bug per program in
fresh201/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is transformer-style MLP
blocks written by hand: a pre-norm residual stream with RMSNorm or LayerNorm, a gated
feed-forward (SwiGLU with SiLU, or GeGLU with the tanh-approximate GELU), a linear classifier
head with softmax cross-entropy (mean over the batch), trained by AdamW with decoupled weight
decay and a hand-written linear warmup of the learning rate.

The base programs (data from fresh201/make_data.py, fixed seed, nothing random while training):

    rms_numpy.py:RMSGLUNet / rms_torch.py:RMSGLUNet, rms.npz X (48, 12), y (48,) in {0..3}
        h0 = X W_in + b_in (d_model 16); RMSNorm (eps 1e-6, gain g, no shift; a hand-written
        RMSNorm module in the port); SwiGLU silu(n W_gate) * (n W_up), hidden 32, no biases;
        h1 = h0 + u W_down; logits = h1 W_head + b_head. Weights kept (in, out) in a dict.
        AdamW lr 5e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.1 on every parameter;
        linear warmup: update t uses lr * min(1, t / 10) (LambdaLR in the port).
    ln_numpy.py:LNGeGLUNet / ln_torch.py:LNGeGLUNet, ln.npz X (32, 10), y (32,) in {0, 1, 2}
        h0 = X W_in^T + b_in (d_model 12); LayerNorm (eps 1e-5, gain and shift); GeGLU
        gelu_tanh(n W_gate^T) * (n W_up^T), hidden 16, no biases; h1 = h0 + u W_down^T; final
        LayerNorm; logits = f W_head^T + b_head. Weights kept (out, in) as attributes.
        AdamW lr 1e-2, betas (0.9, 0.95), eps 1e-8, weight decay 0.05 on the weight matrices
        only (two parameter groups in the port); learning rate warmed up linearly over 5
        updates, then decayed linearly to 0.1 lr at update 20 (LambdaLR in the port).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh201_cases

Each case:
    id          short name (prefixed VS)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh201/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def rms(numpy="rms_numpy.py", port="rms_torch.py"):
    return [F + numpy + ":RMSGLUNet", "--torch", F + port + ":RMSGLUNet",
            "--data", F + "rms.npz", "--as-written",
            "--param", "params['W_in']=proj.weight.T",
            "--param", "params['b_in']=proj.bias",
            "--param", "params['g']=norm.weight",
            "--param", "params['W_gate']=w_gate.weight.T",
            "--param", "params['W_up']=w_up.weight.T",
            "--param", "params['W_down']=w_down.weight.T",
            "--param", "params['W_head']=head.weight.T",
            "--param", "params['b_head']=head.bias", *RUN]


def rms_alt():
    return [F + "rms_alt_numpy.py:RMSGLUNetT", "--torch", F + "rms_torch.py:RMSGLUNet",
            "--data", F + "rms.npz", "--as-written",
            "--param", "params['W_in']=proj.weight",
            "--param", "params['b_in']=proj.bias",
            "--param", "params['g']=norm.weight",
            "--param", "params['W_gate']=w_gate.weight",
            "--param", "params['W_up']=w_up.weight",
            "--param", "params['W_down']=w_down.weight",
            "--param", "params['W_head']=head.weight",
            "--param", "params['b_head']=head.bias", *RUN]


def ln(numpy="ln_numpy.py", port="ln_torch.py"):
    return [F + numpy + ":LNGeGLUNet", "--torch", F + port + ":LNGeGLUNet",
            "--data", F + "ln.npz", "--as-written",
            "--param", "W_in=inp.weight",
            "--param", "b_in=inp.bias",
            "--param", "ln1_g=ln1.weight",
            "--param", "ln1_b=ln1.bias",
            "--param", "W_gate=mlp.gate.weight",
            "--param", "W_up=mlp.up.weight",
            "--param", "W_down=mlp.down.weight",
            "--param", "lnf_g=ln_f.weight",
            "--param", "lnf_b=ln_f.bias",
            "--param", "W_head=head.weight",
            "--param", "b_head=head.bias", *RUN]


def ln_alt_port():
    return [F + "ln_numpy.py:LNGeGLUNet", "--torch", F + "ln_alt_torch.py:LNGeGLUNetAlt",
            "--data", F + "ln.npz", "--as-written",
            "--param", "W_in=inp.weight",
            "--param", "b_in=inp.bias",
            "--param", "ln1_g=ln1_weight",
            "--param", "ln1_b=ln1_bias",
            "--param", "W_gate=ffn.gate.weight",
            "--param", "W_up=ffn.up.weight",
            "--param", "W_down=ffn.down.weight",
            "--param", "lnf_g=lnf_weight",
            "--param", "lnf_b=lnf_bias",
            "--param", "W_head=head.weight",
            "--param", "b_head=head.bias", *RUN]


def ln_alt_numpy():
    return [F + "ln_alt_numpy.py:LNGeGLUDict", "--torch", F + "ln_torch.py:LNGeGLUNet",
            "--data", F + "ln.npz", "--as-written",
            "--param", "p['W_in']=inp.weight.T",
            "--param", "p['b_in']=inp.bias",
            "--param", "p['ln1_g']=ln1.weight",
            "--param", "p['ln1_b']=ln1.bias",
            "--param", "p['W_gate']=mlp.gate.weight.T",
            "--param", "p['W_up']=mlp.up.weight.T",
            "--param", "p['W_down']=mlp.down.weight.T",
            "--param", "p['lnf_g']=ln_f.weight",
            "--param", "p['lnf_b']=ln_f.bias",
            "--param", "p['W_head']=head.weight.T",
            "--param", "p['b_head']=head.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VS01", "side": "port", "args": rms(port="01_rmsaxis_port.py"),
     "mechanism": "hand-written RMSNorm takes the mean of x^2 over dim 0 (the batch, keepdim) "
                  "instead of the last dim (the features); the shapes still broadcast",
     "expected": ("axis", "dim", "rmsnorm", "batch", "norm")},
    {"id": "VS02", "side": "port", "args": rms(port="02_siluup_port.py"),
     "mechanism": "SwiGLU with SiLU applied to the up projection instead of the gate "
                  "(w_gate(n) * silu(w_up(n))): the two branches' roles swapped",
     "expected": ("silu", "gate", "swapped", "up", "swiglu")},
    {"id": "VS03", "side": "port", "args": ln(port="03_geluexact_port.py"),
     "mechanism": "F.gelu with the default exact (erf) form where the NumPy program uses the "
                  "tanh approximation (approximate='tanh' left out)",
     "expected": ("gelu", "tanh", "approximate", "erf", "approximation")},
    {"id": "VS04", "side": "port", "args": rms(port="04_warmupzero_port.py"),
     "mechanism": "warmup LambdaLR written min(1, step / warmup) with the 0-based step: the "
                  "first update has lr 0 and every warmup update is one step behind",
     "expected": ("warmup", "schedule", "off-by-one", "learning rate", "lr")},
    {"id": "VS05", "side": "port", "args": ln(port="05_betas_port.py"),
     "mechanism": "AdamW built without betas=(0.9, 0.95): torch's default beta2 0.999 where the "
                  "NumPy program uses 0.95 for the second moment",
     "expected": ("beta2", "betas", "0.95", "second moment", "exp_avg_sq")},
    {"id": "VS06", "side": "port", "args": rms(port="06_resnorm_port.py"),
     "mechanism": "residual added to the normalised input (h = n + mlp(n)) instead of the raw "
                  "stream (h = h + mlp(n))",
     "expected": ("residual", "skip", "normalized", "normalised", "pre-norm")},
    {"id": "VS07", "side": "port", "args": ln(port="07_decayall_port.py"),
     "mechanism": "AdamW(model.parameters(), weight_decay=0.05): the LayerNorm gains and shifts "
                  "and the biases decayed too, where NumPy decays only the weight matrices",
     "expected": ("weight decay", "decay", "bias", "layernorm", "no_decay")},
    {"id": "VS08", "side": "port", "args": ln(port="08_nofinalnorm_port.py"),
     "mechanism": "forward never calls the final LayerNorm ln_f before the head (defined but "
                  "not applied): lnf_g, lnf_b get no gradient and the logits differ",
     "expected": ("final", "layernorm", "ln_f", "missing", "no gradient")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VS09", "side": "numpy", "args": rms(numpy="09_rmsconst_numpy.py"),
     "mechanism": "RMSNorm backward treats 1/rms as a constant (dx = r * dxn): the term "
                  "- xn * mean(dxn * xn) through the rms left out",
     "expected": ("rmsnorm", "rms", "norm", "backward", "missing term")},
    {"id": "VS10", "side": "numpy", "args": rms(numpy="10_siluderiv_numpy.py"),
     "mechanism": "SiLU derivative taken as sigmoid(a) alone: the product-rule term "
                  "a * s * (1 - s) dropped",
     "expected": ("silu", "derivative", "sigmoid", "swish", "product")},
    {"id": "VS11", "side": "numpy", "args": rms(numpy="11_l2decay_numpy.py"),
     "mechanism": "weight decay added to the gradient before the Adam moments (L2 / coupled, "
                  "Adam-style) instead of decoupled p -= lr * wd * p",
     "expected": ("decoupled", "weight decay", "l2", "coupled", "adamw")},
    {"id": "VS12", "side": "numpy", "args": rms(numpy="12_decaybaselr_numpy.py"),
     "mechanism": "decoupled weight decay scaled by the peak lr (self.lr) instead of the "
                  "warmed-up lr of the update: too much decay during warmup",
     "expected": ("weight decay", "warmup", "learning rate", "schedule", "lr")},
    {"id": "VS13", "side": "numpy", "args": ln(numpy="13_lnmean_numpy.py"),
     "mechanism": "LayerNorm backward without the - mean(dxhat) term (gradient through the mean "
                  "left out)",
     "expected": ("layernorm", "layer norm", "mean", "backward", "centering")},
    {"id": "VS14", "side": "numpy", "args": ln(numpy="14_geluconst_numpy.py"),
     "mechanism": "tanh-GELU derivative with the inner factor (1 + 0.044715 a^2) instead of "
                  "(1 + 3 * 0.044715 a^2): the factor 3 of d(a^3)/da forgotten",
     "expected": ("gelu", "derivative", "0.044715", "tanh", "constant")},
    {"id": "VS15", "side": "numpy", "args": ln(numpy="15_nores_numpy.py"),
     "mechanism": "backward drops the residual path: dh0 is only the gradient through the "
                  "LayerNorm branch, dh1 not added (W_in, b_in gradients wrong)",
     "expected": ("residual", "skip", "missing", "w_in", "b_in")},
    {"id": "VS16", "side": "numpy", "args": ln(numpy="16_mhatstate_numpy.py"),
     "mechanism": "AdamW first moment bias-corrected in place (m /= 1 - beta1^t) and the "
                  "corrected value kept as the state: the next step's moment is built on m_hat",
     "expected": ("bias correction", "first moment", "exp_avg", "m_hat", "state")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VS17", "side": "correct", "args": rms_alt(),
     "mechanism": "correct: NumPy RMSNorm/SwiGLU net with weights kept (out, in), products by "
                  "einsum, rms via np.linalg.norm, AdamW moments and weights updated in place",
     "expected": ()},
    {"id": "VS18", "side": "correct", "args": ln_alt_port(),
     "mechanism": "correct: port with a hand-written LayerNorm and tanh-GELU, an nn.ModuleDict "
                  "feed-forward, and the lr schedule set in train_step (no LRScheduler)",
     "expected": ()},
    {"id": "VS19", "side": "correct", "args": ln_alt_numpy(),
     "mechanism": "correct: NumPy LayerNorm/GeGLU net with a params dict, weights (in, out), "
                  "LayerNorm backward through dvar and dmean, schedule by np.interp",
     "expected": ()},
]
