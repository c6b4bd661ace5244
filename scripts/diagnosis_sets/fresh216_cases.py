"""Two hundred and sixteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh216/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is margin-based
classification heads as in face recognition: ArcFace, CosFace and SphereFace, each on a small
embedding network, with L2-normalised embeddings and class weights, a scale s, and an angular or
cosine margin m applied to the true class only; softmax cross-entropy, mean over the batch.

The base programs (data from fresh216/make_data.py, fixed seed, nothing random while training):

    arc_numpy.py:ArcFaceNet / arc_torch.py:ArcFaceNet, arc.npz X (48, 12), y (48,) in 0..4
        dense 12->32 ReLU -> dense 32->8 embedding (W kept (in, out), params dict); ArcFace head
        W (5, 8) (one row per class; the port's ArcMarginProduct, insightface style):
        cos = normalize(e) @ normalize(W).T, target logit cos(theta + m) = cos cos_m - sin sin_m
        where cos > cos(pi - m), else cos - m sin(pi - m); s = 10, m = 0.3.
        SGD lr 0.1, momentum 0.9, coupled weight decay 5e-4 (as torch.optim.SGD).
    cos_numpy.py:CosFaceNet / cos_torch.py:CosFaceNet, cos.npz X (32, 10), y (32,) in 0..3
        dense 10->24 tanh -> dense 24->8 without bias (attributes W1, b1, W2, (in, out)); CosFace
        head with the kernel K kept (embed, classes) and normalised per column:
        logits = s (cos - m onehot), s = 8, m = 0.25.
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam.
    sphere_numpy.py:SphereFaceNet / sphere_torch.py:SphereFaceNet, sphere.npz X (40, 8), y (40,) in 0..5
        dense 8->20 (torch layout, list of dicts) -> PReLU (one shared slope) -> dense 20->6;
        SphereFace (A-Softmax) head Wc (6, 6), normalised features and weights, m = 4:
        psi = (-1)^k cos(4 theta) - 2k, k = floor(4 theta / pi), cos(4 theta) by Chebyshev;
        target logit s (lam cos + psi) / (1 + lam), s = 6, lam = max(2, 20 / (1 + 0.1 it)) with
        it counting training forwards from 1 (AngleLoss annealing).
        SGD lr 0.05 momentum 0.9, StepLR(step_size=8, gamma=0.5) stepped after each update.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh216_cases

Each case:
    id          short name (prefixed WH)
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

F = "scripts/diagnosis_sets/fresh216/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def arc(numpy="arc_numpy.py", port="arc_torch.py"):
    return [F + numpy + ":ArcFaceNet", "--torch", F + port + ":ArcFaceNet",
            "--data", F + "arc.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['W']=head.weight", *RUN]


def arc_alt():
    return [F + "arc_alt_numpy.py:ArcFaceAlt", "--torch", F + "arc_torch.py:ArcFaceNet",
            "--data", F + "arc.npz", "--as-written",
            "--param", "W1=fc1.weight.T",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight.T",
            "--param", "b2=fc2.bias",
            "--param", "Wt=head.weight.T", *RUN]


def cos(numpy="cos_numpy.py", port="cos_torch.py"):
    return [F + numpy + ":CosFaceNet", "--torch", F + port + ":CosFaceNet",
            "--data", F + "cos.npz", "--as-written",
            "--param", "W1=hidden.weight.T",
            "--param", "b1=hidden.bias",
            "--param", "W2=proj.weight.T",
            "--param", "K=kernel", *RUN]


def cos_seq():
    return [F + "cos_numpy.py:CosFaceNet", "--torch", F + "cos_alt_torch.py:CosFaceSeq",
            "--data", F + "cos.npz", "--as-written",
            "--param", "W1=body.0.weight.T",
            "--param", "b1=body.0.bias",
            "--param", "W2=body.2.weight.T",
            "--param", "K=head.kernel", *RUN]


def sphere(numpy="sphere_numpy.py", port="sphere_torch.py"):
    return [F + numpy + ":SphereFaceNet", "--torch", F + port + ":SphereFaceNet",
            "--data", F + "sphere.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "a=prelu.weight",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias",
            "--param", "Wc=head.weight", *RUN]


def sphere_alt():
    return [F + "sphere_alt_numpy.py:SphereFaceAlt", "--torch", F + "sphere_torch.py:SphereFaceNet",
            "--data", F + "sphere.npz", "--as-written",
            "--param", "W_in=fc1.weight.T",
            "--param", "b_in=fc1.bias",
            "--param", "slope=prelu.weight",
            "--param", "W_emb=fc2.weight.T",
            "--param", "b_emb=fc2.bias",
            "--param", "centres=head.weight", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WH01", "side": "port", "args": arc(port="01_weightdim_port.py"),
     "mechanism": "ArcFace class weights normalised with F.normalize(self.weight, dim=0): over the "
                  "classes (columns of the (5, 8) weight) instead of each class row (dim=1)",
     "expected": ("dim", "axis", "normalize", "normalise", "weight norm")},
    {"id": "WH02", "side": "port", "args": arc(port="02_marginall_port.py"),
     "mechanism": "the angular margin applied to every class: output = phi for all logits, the "
                  "one-hot mask that keeps cos for the non-target classes left out",
     "expected": ("margin", "one-hot", "onehot", "mask", "target", "every class")},
    {"id": "WH03", "side": "port", "args": arc(port="03_marginsign_port.py"),
     "mechanism": "wrong sign in the angle-addition formula: phi = cos cos_m + sin sin_m, i.e. "
                  "cos(theta - m), where the NumPy program uses cos(theta + m)",
     "expected": ("sign", "margin", "cos(theta + m)", "angle", "phi")},
    {"id": "WH04", "side": "port", "args": cos(port="04_scaleorder_port.py"),
     "mechanism": "CosFace margin subtracted after scaling (s * cos - m onehot) instead of "
                  "s * (cos - m onehot): the target margin s = 8 times too small",
     "expected": ("margin", "scale", "order", "s *", "constant")},
    {"id": "WH05", "side": "port", "args": cos(port="05_zerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: .grad accumulates over steps, "
                  "Adam sees the running sum of gradients from step 2 on",
     "expected": ("zero_grad", "accumulat", "grad", "step 2", "sum")},
    {"id": "WH06", "side": "port", "args": cos(port="06_detachnorm_port.py"),
     "mechanism": "kernel normalised by its column norm .detach()ed: no gradient through the "
                  "norm, so the kernel gradient lacks the projection term (K only)",
     "expected": ("detach", "norm", "kernel", "normaliz", "projection")},
    {"id": "WH07", "side": "port", "args": sphere(port="07_lambdastep_port.py"),
     "mechanism": "AngleLoss lambda computed before the iteration counter is incremented: "
                  "lambda(it - 1), one annealing step behind the NumPy program, at every step",
     "expected": ("lambda", "anneal", "counter", "off-by-one", "iteration")},
    {"id": "WH08", "side": "port", "args": sphere(port="08_sumloss_port.py"),
     "mechanism": "F.cross_entropy(..., reduction='sum') where the NumPy program averages over "
                  "the batch: every gradient 40 times too large",
     "expected": ("sum", "mean", "reduction", "batch size", "40")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WH09", "side": "numpy", "args": arc(numpy="09_dphisign_numpy.py"),
     "mechanism": "ArcFace target derivative with the wrong sign: d phi / d cos = cos_m - "
                  "sin_m cos / sin instead of cos_m + sin_m cos / sin (forward right)",
     "expected": ("sign", "derivative", "margin", "phi", "target")},
    {"id": "WH10", "side": "numpy", "args": arc(numpy="10_featnormgrad_numpy.py"),
     "mechanism": "backward of the embedding L2 normalisation taken as dout / |e|: the norm "
                  "treated as a constant, the projection term -en (en . dout) left out",
     "expected": ("normaliz", "normalis", "norm", "projection", "embedding")},
    {"id": "WH11", "side": "numpy", "args": arc(numpy="11_emamomentum_numpy.py"),
     "mechanism": "momentum buffer as an exponential average v = mu v + (1 - mu) g instead of "
                  "torch's v = mu v + g (dampening 0)",
     "expected": ("momentum", "dampening", "1 - mu", "velocity", "ema")},
    {"id": "WH12", "side": "numpy", "args": cos(numpy="12_epsinsqrt_numpy.py"),
     "mechanism": "Adam epsilon inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "adam", "denominator")},
    {"id": "WH13", "side": "numpy", "args": cos(numpy="13_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative taken as 1 - a^2 of the pre-activation a instead of 1 - h^2 "
                  "of the activation h = tanh(a)",
     "expected": ("tanh", "derivative", "activation", "pre-activation")},
    {"id": "WH14", "side": "numpy", "args": cos(numpy="14_kernelaxis_numpy.py"),
     "mechanism": "backward of the column normalisation of the kernel K (embed, classes) sums "
                  "the projection over axis=1 (rows) instead of axis=0 (columns): dK only",
     "expected": ("axis", "column", "kernel", "normaliz", "K")},
    {"id": "WH15", "side": "numpy", "args": sphere(numpy="15_psisign_numpy.py"),
     "mechanism": "A-Softmax psi derivative without the (-1)^k sign: d psi / d cos = 32c^3 - 16c "
                  "for every k, wrong where k is odd (forward right)",
     "expected": ("sign", "(-1)^k", "psi", "derivative", "k")},
    {"id": "WH16", "side": "numpy", "args": sphere(numpy="16_preluslope_numpy.py"),
     "mechanism": "PReLU slope gradient summed over every element (sum dh * z) instead of only "
                  "where z <= 0: the slope a gets the positive side's terms too",
     "expected": ("prelu", "slope", "negative", "mask", "a.grad")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WH17", "side": "correct", "args": arc_alt(),
     "mechanism": "correct: ArcFace through the angle (arccos, cos(theta + m), slope "
                  "sin(theta + m)/sin(theta)), einsum, head kept (embed, classes), in-place momentum",
     "expected": ()},
    {"id": "WH18", "side": "correct", "args": cos_seq(),
     "mechanism": "correct: CosFace port as nn.Sequential + hand-written head (norm division, "
                  "scatter_add margin), log_softmax + nll_loss, zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "WH19", "side": "correct", "args": sphere_alt(),
     "mechanism": "correct: SphereFace with cos(m theta) through arccos, derivative "
                  "m sin(m theta)/sin(theta), layers kept (in, out), precomputed step schedule",
     "expected": ()},
]
