"""One hundred and ninety-first fresh held-out set for the diagnosis: one planted bug per program in
fresh191/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is contrastive
representation learning: a SimCLR-style MLP encoder plus projection head trained with the NT-Xent
(InfoNCE) loss on two augmented views given as data (cosine similarities of L2-normalised
projections over a temperature, the 2N x 2N similarity matrix with its diagonal masked out, the
positive of each view at the other view), and the supervised contrastive (SupCon) variant with
labels.

The base programs (data from fresh191/make_data.py, fixed seed, nothing random while training;
X (N, 2, D) holds the two views of each sample, stacked by both programs as [view 0; view 1]):

    simclr_numpy.py:SimCLR / simclr_torch.py:SimCLR, simclr.npz X (32, 2, 12), y (32,) unused
        encoder dense 12->32 tanh; projection head dense 32->32 ReLU, dense 32->16 (NumPy: dict
        params, W kept (in, out)); rows L2-normalised, S = u u^T / tau with tau 0.5, diagonal
        set to -inf, cross-entropy of each of the 2N rows against its partner (i + N) mod 2N,
        mean over the 2N anchors (port: F.normalize, masked_fill, F.cross_entropy).
        SGD lr 0.1 momentum 0.9 (v = mu v + g; p -= lr v, as torch.optim.SGD).
    supcon_numpy.py:SupConNet / supcon_torch.py:SupConNet, supcon.npz X (24, 2, 10), y (24,) in
        {0..3}, classes of unequal size
        encoder dense 10->24 tanh, linear projection 24->8 (NumPy: attributes W_enc, b_enc,
        W_proj, b_proj kept (out, in)); tau 0.2; SupCon loss: log-softmax of each row over the
        other 2N - 1 views, averaged over the anchor's positives P(i) (same label, not itself),
        then over the 2N anchors. Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh191_cases

Each case:
    id          short name (prefixed VI)
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

F = "scripts/diagnosis_sets/fresh191/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def simclr(numpy="simclr_numpy.py", port="simclr_torch.py"):
    return [F + numpy + ":SimCLR", "--torch", F + port + ":SimCLR",
            "--data", F + "simclr.npz", "--as-written",
            "--param", "params['W1']=encoder.0.weight.T",
            "--param", "params['b1']=encoder.0.bias",
            "--param", "params['W2']=head.0.weight.T",
            "--param", "params['b2']=head.0.bias",
            "--param", "params['W3']=head.2.weight.T",
            "--param", "params['b3']=head.2.bias", *RUN]


def simclr_alt_numpy():
    return [F + "simclr_alt_numpy.py:SimCLRAlt", "--torch", F + "simclr_torch.py:SimCLR",
            "--data", F + "simclr.npz", "--as-written",
            "--param", "params['enc_w']=encoder.0.weight",
            "--param", "params['enc_b']=encoder.0.bias",
            "--param", "params['fc1_w']=head.0.weight",
            "--param", "params['fc1_b']=head.0.bias",
            "--param", "params['fc2_w']=head.2.weight",
            "--param", "params['fc2_b']=head.2.bias", *RUN]


def simclr_alt_port():
    return [F + "simclr_numpy.py:SimCLR", "--torch", F + "simclr_alt_torch.py:SimCLRPort",
            "--data", F + "simclr.npz", "--as-written",
            "--param", "params['W1']=backbone.weight.T",
            "--param", "params['b1']=backbone.bias",
            "--param", "params['W2']=proj_in.weight.T",
            "--param", "params['b2']=proj_in.bias",
            "--param", "params['W3']=proj_out.weight.T",
            "--param", "params['b3']=proj_out.bias", *RUN]


def supcon(numpy="supcon_numpy.py", port="supcon_torch.py"):
    return [F + numpy + ":SupConNet", "--torch", F + port + ":SupConNet",
            "--data", F + "supcon.npz", "--as-written",
            "--param", "W_enc=enc.weight",
            "--param", "b_enc=enc.bias",
            "--param", "W_proj=proj.weight",
            "--param", "b_proj=proj.bias", *RUN]


def supcon_alt_port():
    return [F + "supcon_numpy.py:SupConNet", "--torch", F + "supcon_alt_torch.py:SupConPort",
            "--data", F + "supcon.npz", "--as-written",
            "--param", "W_enc=w_enc.T",
            "--param", "b_enc=b_enc",
            "--param", "W_proj=w_proj.T",
            "--param", "b_proj=b_proj", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VI01", "side": "port", "args": simclr(port="01_normdim_port.py"),
     "mechanism": "F.normalize(z, dim=0): each projection feature normalised over the batch "
                  "instead of each row (projection) to unit length; the shapes still fit",
     "expected": ("normalize", "dim", "axis", "l2", "norm")},
    {"id": "VI02", "side": "port", "args": simclr(port="02_nodiagmask_port.py"),
     "mechanism": "the diagonal of the 2N x 2N similarity matrix is not masked: each view's "
                  "self-similarity 1/tau stays in the softmax denominator of NT-Xent",
     "expected": ("diagonal", "mask", "self-similarity", "self", "denominator")},
    {"id": "VI03", "side": "port", "args": simclr(port="03_oneview_port.py"),
     "mechanism": "cross-entropy taken over the first view's N anchors only (sim[:n], "
                  "targets[:n]), the symmetric half of the 2N anchors left out of the loss",
     "expected": ("half", "anchors", "symmetric", "view", "missing term")},
    {"id": "VI04", "side": "port", "args": simclr(port="04_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() forgotten in train_step: gradients accumulate across "
                  "steps (correct at step 1, the sum of all previous gradients afterwards)",
     "expected": ("zero_grad", "accumulat", "summed over steps", "previous step")},
    {"id": "VI05", "side": "port", "args": supcon(port="05_selfpos_port.py"),
     "mechanism": "SupCon positive mask built from the label equality alone, the diagonal kept: "
                  "|P(i)| counts the anchor itself (its log-prob is zeroed, the count is not)",
     "expected": ("positive", "mask", "diagonal", "self", "count")},
    {"id": "VI06", "side": "port", "args": supcon(port="06_betas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment and its bias correction differ from step 2",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.999")},
    {"id": "VI07", "side": "port", "args": supcon(port="07_globalmean_port.py"),
     "mechanism": "SupCon loss divided by the total number of positive pairs in the batch "
                  "instead of each anchor's mean over its own |P(i)| positives then the mean over anchors",
     "expected": ("reduction", "mean", "positives", "per-anchor", "normaliz")},
    {"id": "VI08", "side": "port", "args": supcon(port="08_detachnorm_port.py"),
     "mechanism": "L2 normalisation written as z / z.norm(dim=1, keepdim=True).detach(): no "
                  "gradient through the norm, so the projection's gradient keeps its radial part",
     "expected": ("detach", "norm", "normaliz", "gradient")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VI09", "side": "numpy", "args": simclr(numpy="09_normgrad_numpy.py"),
     "mechanism": "L2-normalisation backward taken as dz = du / ||z||, dropping the term "
                  "-u (u . du) / ||z|| (the Jacobian's projection part)",
     "expected": ("normaliz", "norm", "derivative", "jacobian", "projection")},
    {"id": "VI10", "side": "numpy", "args": simclr(numpy="10_simgrad_numpy.py"),
     "mechanism": "backward of S = u u^T / tau uses dS @ u only, missing the dS^T @ u term "
                  "(u appears in both factors): the gradient into u is about half",
     "expected": ("transpose", "similarity", "symmetric", "factor", "half")},
    {"id": "VI11", "side": "numpy", "args": simclr(numpy="11_dampening_numpy.py"),
     "mechanism": "momentum written as an exponential moving average v = mu v + (1 - mu) g "
                  "(dampening) instead of torch's v = mu v + g",
     "expected": ("momentum", "dampening", "velocity", "1 - mu", "momentum_buffer")},
    {"id": "VI12", "side": "numpy", "args": simclr(numpy="12_tanhcache_numpy.py"),
     "mechanism": "encoder tanh derivative taken of the pre-activation, 1 - a1**2, instead of "
                  "1 - tanh(a1)**2: only the first layer's gradients are wrong",
     "expected": ("tanh", "derivative", "pre-activation", "activation", "w1")},
    {"id": "VI13", "side": "numpy", "args": supcon(numpy="13_epssqrt_numpy.py"),
     "mechanism": "Adam epsilon added inside the square root, sqrt(v_hat + eps), instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "denominator", "adam")},
    {"id": "VI14", "side": "numpy", "args": supcon(numpy="14_posnorm_numpy.py"),
     "mechanism": "SupCon backward drops the 1/|P(i)| on the positive term (dS = softmax - pos "
                  "instead of softmax - pos / |P(i)|); the forward loss is right",
     "expected": ("positive", "count", "gradient", "derivative", "normaliz")},
    {"id": "VI15", "side": "numpy", "args": supcon(numpy="15_bc2typo_numpy.py"),
     "mechanism": "Adam second-moment bias correction computed with beta1: v_hat = v / "
                  "(1 - beta1**t) instead of v / (1 - beta2**t)",
     "expected": ("bias correction", "bias-correct", "beta2", "v_hat", "second moment")},
    {"id": "VI16", "side": "numpy", "args": supcon(numpy="16_repeatlabels_numpy.py"),
     "mechanism": "labels of the stacked views built with np.repeat(y, 2) (interleaved) while the "
                  "views are stacked [view 0; view 1]: wrong positives (needs np.concatenate([y, y]))",
     "expected": ("label", "repeat", "order", "positive", "index")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VI17", "side": "correct", "args": simclr_alt_numpy(),
     "mechanism": "correct: NumPy SimCLR with weights kept (out, in), einsum contractions, "
                  "logsumexp form of NT-Xent, Jacobian normalisation backward, in-place momentum",
     "expected": ()},
    {"id": "VI18", "side": "correct", "args": supcon_alt_port(),
     "mechanism": "correct: SupCon port with hand-declared nn.Parameters (x @ W layout, addmm) and "
                  "the reference implementation's detached-max, exp * logits_mask loss",
     "expected": ()},
    {"id": "VI19", "side": "correct", "args": simclr_alt_port(),
     "mechanism": "correct: SimCLR port with the info_nce_loss formulation (diagonal removed by "
                  "boolean indexing, positive in column 0, label 0) and SGD parameter groups",
     "expected": ()},
]
