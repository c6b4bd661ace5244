"""Two hundred and nineteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh219/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is robust and noisy-label
losses written by hand: generalized cross-entropy (GCE), symmetric cross-entropy (CE plus reverse
CE), soft bootstrapping of the targets, and Huber and Tukey's biweight losses for regression with
gross outliers.

The base programs (data from fresh219/make_data.py, fixed seed, nothing random while training):

    gce_numpy.py:GCENet / gce_torch.py:GCENet, gce.npz X (48, 6), y (48,) in {0..3}, 30% random labels
        dense 6->16 tanh, dense 16->4 (W kept (in, out), params dict), softmax; GCE loss
        mean (1 - p_y^q) / q with q 0.7, dL/dz = -p_y^q (onehot - p) / N. Adam lr 0.01,
        betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    sce_numpy.py:SCENet / sce_torch.py:SCENet, sce.npz X (40, 8), y (40,) in {0, 1, 2}
        dense 8->20 ReLU, dense 20->3 (attributes W1, b1, W2, b2, (in, out); the port an
        nn.Sequential); loss alpha CE + beta RCE, alpha 0.1, beta 1.0, RCE = -sum_k clamp(p_k,
        1e-7, 1) log clamp(onehot_k, 1e-4, 1) (the code of Wang et al.), the NumPy backward through
        the softmax Jacobian. SGD lr 0.05, heavy-ball momentum 0.9 (v = mu v + g; w -= lr v).
    boot_numpy.py:BootNet / boot_torch.py:BootNet, boot.npz X (32, 5), y (32,) in {0, 1, 2}
        dense 5->12 tanh, dense 12->3 (params dict in torch's (out, in) layout), softmax; soft
        bootstrapping loss mean -sum_k (beta t_k + (1 - beta) p_k) log p_k, beta 0.95, the
        prediction in the target NOT detached (the ignite-style loss: beta CE plus (1 - beta) times
        the entropy, whose gradient is -p (log p + H)). RMSprop lr 0.01, alpha 0.9, eps 1e-8
        outside the square root.
    huber_numpy.py:HuberRegressor / huber_torch.py:HuberRegressor, huber.npz X (48, 4),
        y (48, 1) with 10% outliers: dense 4->16 tanh, dense 16->1 (params dict p, (in, out));
        Huber loss delta 0.5, mean (F.huber_loss), gradient clip(r, -delta, delta) / N. AdamW
        lr 0.01, weight decay 0.01 decoupled (w *= 1 - lr wd before the Adam step).
    tukey_numpy.py:TukeyRegressor / tukey_torch.py:TukeyRegressor, tukey.npz X (40, 3), y (40,)
        with 15% outliers: dense 3->10 ReLU, dense 10->1 (attributes W (3, 10), b, v (10,),
        c0 (1,); the port an nn.ModuleList, output squeezed to (N,)); Tukey biweight with c 3.0,
        rho = c^2/6 (1 - (1 - (r/c)^2)^3) inside, c^2/6 outside, mean; psi = r (1 - (r/c)^2)^2
        inside, 0 outside. Plain SGD lr 0.1.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh219_cases

Each case:
    id          short name (prefixed WK)
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

F = "scripts/diagnosis_sets/fresh219/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def gce(numpy="gce_numpy.py", port="gce_torch.py"):
    return [F + numpy + ":GCENet", "--torch", F + port + ":GCENet",
            "--data", F + "gce.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def gce_alt():
    return [F + "gce_alt_numpy.py:GCEAltNet", "--torch", F + "gce_torch.py:GCENet",
            "--data", F + "gce.npz", "--as-written",
            "--param", "weights['fc1_w']=fc1.weight",
            "--param", "weights['fc1_b']=fc1.bias",
            "--param", "weights['fc2_w']=fc2.weight",
            "--param", "weights['fc2_b']=fc2.bias", *RUN]


def sce(numpy="sce_numpy.py", port="sce_torch.py"):
    return [F + numpy + ":SCENet", "--torch", F + port + ":SCENet",
            "--data", F + "sce.npz", "--as-written",
            "--param", "W1=net.0.weight.T",
            "--param", "b1=net.0.bias",
            "--param", "W2=net.2.weight.T",
            "--param", "b2=net.2.bias", *RUN]


def sce_alt():
    return [F + "sce_numpy.py:SCENet", "--torch", F + "sce_alt_torch.py:SCENetParams",
            "--data", F + "sce.npz", "--as-written",
            "--param", "W1=W1",
            "--param", "b1=b1",
            "--param", "W2=W2",
            "--param", "b2=b2", *RUN]


def boot(numpy="boot_numpy.py", port="boot_torch.py"):
    return [F + numpy + ":BootNet", "--torch", F + port + ":BootNet",
            "--data", F + "boot.npz", "--as-written",
            "--param", "params['W1']=hidden.weight",
            "--param", "params['b1']=hidden.bias",
            "--param", "params['W2']=out.weight",
            "--param", "params['b2']=out.bias", *RUN]


def huber(numpy="huber_numpy.py", port="huber_torch.py"):
    return [F + numpy + ":HuberRegressor", "--torch", F + port + ":HuberRegressor",
            "--data", F + "huber.npz", "--as-written",
            "--param", "p['w_in']=hidden.weight.T",
            "--param", "p['b_in']=hidden.bias",
            "--param", "p['w_out']=head.weight.T",
            "--param", "p['b_out']=head.bias", *RUN]


def huber_alt():
    return [F + "huber_alt_numpy.py:HuberAlt", "--torch", F + "huber_torch.py:HuberRegressor",
            "--data", F + "huber.npz", "--as-written",
            "--param", "layers['W_h']=hidden.weight.T",
            "--param", "layers['b_h']=hidden.bias",
            "--param", "layers['W_o']=head.weight.T",
            "--param", "layers['b_o']=head.bias", *RUN]


def tukey(numpy="tukey_numpy.py", port="tukey_torch.py"):
    return [F + numpy + ":TukeyRegressor", "--torch", F + port + ":TukeyRegressor",
            "--data", F + "tukey.npz", "--as-written",
            "--param", "W=layers.0.weight.T",
            "--param", "b=layers.0.bias",
            "--param", "v=layers.1.weight.reshape(10)",
            "--param", "c0=layers.1.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WK01", "side": "port", "args": gce(port="01_softmaxdim_port.py"),
     "mechanism": "GCE loss takes F.softmax(logits, dim=0), normalising over the batch instead of "
                  "over the classes (dim=1), before gathering p_y",
     "expected": ("softmax", "dim", "axis", "batch", "classes")},
    {"id": "WK02", "side": "port", "args": gce(port="02_adambetas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 0.999: the "
                  "second moment and its bias correction differ",
     "expected": ("beta2", "betas", "0.999", "second moment", "exp_avg_sq")},
    {"id": "WK03", "side": "port", "args": sce(port="03_labelclamp_port.py"),
     "mechanism": "reverse CE clamps the one-hot labels at min=1e-7 (the prediction's clamp) "
                  "instead of 1e-4: A = log 1e-7 in place of log 1e-4, the RCE term 1.75x too large",
     "expected": ("clamp", "1e-4", "reverse", "rce", "log", "constant")},
    {"id": "WK04", "side": "port", "args": sce(port="04_zerograd_port.py"),
     "mechanism": "train_step never calls optimizer.zero_grad(): .grad accumulates over steps "
                  "(momentum SGD then steps with the running sum)",
     "expected": ("zero_grad", "accumulat", "summed over steps", "not reset")},
    {"id": "WK05", "side": "port", "args": boot(port="05_detach_port.py"),
     "mechanism": "the soft-bootstrapping term uses F.softmax(y_pred).detach(): the prediction in "
                  "the target is held constant, so the (1 - beta) term's gradient is -p log p "
                  "pushed through log_softmax only, not the entropy gradient",
     "expected": ("detach", "bootstrap", "entropy", "constant", "stop-gradient")},
    {"id": "WK06", "side": "port", "args": boot(port="06_rmspropalpha_port.py"),
     "mechanism": "torch.optim.RMSprop without alpha=0.9: the default smoothing 0.99 is used for "
                  "the squared-gradient average, so every update differs",
     "expected": ("alpha", "rmsprop", "smoothing", "square_avg", "0.99")},
    {"id": "WK07", "side": "port", "args": huber(port="07_smoothl1_port.py"),
     "mechanism": "F.smooth_l1_loss(beta=0.5) in place of F.huber_loss(delta=0.5): smooth L1 is "
                  "Huber divided by beta, so the loss and every gradient are 2x",
     "expected": ("smooth_l1", "smooth l1", "huber", "delta", "scale", "factor")},
    {"id": "WK08", "side": "port", "args": tukey(port="08_broadcast_port.py"),
     "mechanism": "the model returns (N, 1) (no squeeze) and the residual pred - y with y (N,) "
                  "broadcasts to an (N, N) matrix: the Tukey loss averages every pair",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "residual")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WK09", "side": "numpy", "args": gce(numpy="09_gcepow_numpy.py"),
     "mechanism": "GCE logit gradient uses p_y^(q-1) (the derivative of the power alone) instead "
                  "of p_y^q: the softmax derivative's p_y factor is left out",
     "expected": ("gce", "derivative", "power", "p_y", "exponent", "factor")},
    {"id": "WK10", "side": "numpy", "args": gce(numpy="10_vcorrect_numpy.py"),
     "mechanism": "Adam second moment bias-corrected with beta1: v_hat = v / (1 - beta1^t) "
                  "instead of (1 - beta2^t)",
     "expected": ("bias correction", "bias-correct", "v_hat", "beta2", "second moment")},
    {"id": "WK11", "side": "numpy", "args": sce(numpy="11_rcesign_numpy.py"),
     "mechanism": "reverse-CE gradient with the wrong sign: dL/dp_k = +beta log(clamp(onehot_k)) / N "
                  "(the minus of -sum p log q dropped)",
     "expected": ("sign", "reverse", "rce", "negat", "flipped")},
    {"id": "WK12", "side": "numpy", "args": sce(numpy="12_dampening_numpy.py"),
     "mechanism": "momentum written as an exponential average v = mu v + (1 - mu) g (dampening "
                  "1 - mu) where torch's SGD momentum adds the full gradient",
     "expected": ("dampening", "momentum", "velocity", "1 - mu", "exponential")},
    {"id": "WK13", "side": "numpy", "args": boot(numpy="13_entropygrad_numpy.py"),
     "mechanism": "the bootstrap (entropy) term's logit gradient drops the + H term: "
                  "-(1 - beta) p log p instead of -(1 - beta) p (log p + H)",
     "expected": ("entropy", "bootstrap", "missing term", "derivative", "softmax")},
    {"id": "WK14", "side": "numpy", "args": huber(numpy="14_coupledwd_numpy.py"),
     "mechanism": "AdamW's weight decay coupled: wd * w added to the gradient before the moments "
                  "(Adam with L2) instead of w *= 1 - lr wd",
     "expected": ("weight decay", "decoupled", "coupled", "adamw", "l2")},
    {"id": "WK15", "side": "numpy", "args": tukey(numpy="15_psisquare_numpy.py"),
     "mechanism": "Tukey psi written r (1 - (r/c)^2) without the square on the bracket: wrong "
                  "derivative of the biweight for the inliers",
     "expected": ("tukey", "biweight", "psi", "derivative", "square")},
    {"id": "WK16", "side": "numpy", "args": tukey(numpy="16_inplaceorder_numpy.py"),
     "mechanism": "output weights v, c0 stepped in place inside backward before the hidden "
                  "gradient is backpropagated through v: W, b gradients use the updated v",
     "expected": ("updated", "in place", "in-place", "order", "before", "stale")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WK17", "side": "correct", "args": gce_alt(),
     "mechanism": "correct: GCE net with (out, in) weights, einsum products, the gradient through "
                  "log p and a general softmax vector-Jacobian product, Adam in place",
     "expected": ()},
    {"id": "WK18", "side": "correct", "args": sce_alt(),
     "mechanism": "correct: port with raw nn.Parameters in (in, out) layout and the reverse CE in "
                  "closed form -A (1 - p_y)",
     "expected": ()},
    {"id": "WK19", "side": "correct", "args": huber_alt(),
     "mechanism": "correct: Huber via a clipped residual, gradient r min(1, delta/|r|), AdamW in "
                  "torch's step-size form with the decay folded into the assignment",
     "expected": ()},
]
