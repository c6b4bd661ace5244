"""Two hundred and second fresh held-out set for the diagnosis: one planted bug per program in
fresh202/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is mixup and soft-target
training of MLP classifiers: the mixing coefficient and the row permutation of each step fixed in
the data, label smoothing, a soft-target cross-entropy or a class-weighted focal loss, and SGD with
Nesterov or plain momentum written by hand.

The base programs (data from fresh202/make_data.py, fixed seed, nothing random while training;
step t uses lam[t] and perm[t] of the *_mix.npz file next to the data):

    mixup_numpy.py:MixupMLP / mixup_torch.py:MixupMLP, mixup.npz X (32, 6), y (32,) in {0..3}
        Xm = lam X + (1 - lam) X[perm]; tanh hidden layer of 16 (W1 kept (in, out)), 4 logits;
        label smoothing eps 0.1 (T = 0.9 onehot + 0.1/4), mixed targets Tm = lam T + (1 - lam) T[perm],
        soft-target cross-entropy, mean over rows (the port: lam CE(y) + (1 - lam) CE(y[perm]) with
        label_smoothing=0.1). SGD lr 0.1, Nesterov momentum 0.9, coupled weight decay 1e-3, as
        torch.optim.SGD (g += wd p; v = mu v + g; p -= lr (g + mu v)).
    focal_numpy.py:FocalMLP / focal_torch.py:FocalMLP, focal.npz X (48, 8), y (48,) in {0, 1, 2}
        (imbalanced)
        Xm mixed as above; ReLU MLP 8 -> 20 -> 12 -> 3 (NumPy attributes W1..b3 kept (in, out); the
        port an nn.Sequential); focal loss -alpha_c (1 - p_c)^2 log p_c with alpha (0.25, 0.5, 0.75),
        mean over rows, mixed as lam FL(y) + (1 - lam) FL(y[perm]); closed-form logit gradient in
        NumPy. SGD lr 0.05, heavy-ball momentum 0.9 (v = mu v + g; p -= lr v), buffers net.vel.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh202_cases

Each case:
    id          short name (prefixed VT)
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

F = "scripts/diagnosis_sets/fresh202/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mixup(numpy="mixup_numpy.py", port="mixup_torch.py"):
    return [F + numpy + ":MixupMLP", "--torch", F + port + ":MixupMLP",
            "--data", F + "mixup.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def mixup_alt_numpy():
    return [F + "mixup_alt_numpy.py:MixupMLPAlt", "--torch", F + "mixup_torch.py:MixupMLP",
            "--data", F + "mixup.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias", *RUN]


def mixup_alt_torch():
    return [F + "mixup_numpy.py:MixupMLP", "--torch", F + "mixup_alt_torch.py:MixupNet",
            "--data", F + "mixup.npz", "--as-written",
            "--param", "params['W1']=W1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=W2",
            "--param", "params['b2']=b2", *RUN]


def focal(numpy="focal_numpy.py", port="focal_torch.py"):
    return [F + numpy + ":FocalMLP", "--torch", F + port + ":FocalMLP",
            "--data", F + "focal.npz", "--as-written",
            "--param", "W1=net.0.weight.T",
            "--param", "b1=net.0.bias",
            "--param", "W2=net.2.weight.T",
            "--param", "b2=net.2.bias",
            "--param", "W3=net.4.weight.T",
            "--param", "b3=net.4.bias",
            "--state", "momentum_buffer=net.vel", *RUN]


def focal_loop():
    return [F + "focal_alt_numpy.py:FocalMLPLoop", "--torch", F + "focal_torch.py:FocalMLP",
            "--data", F + "focal.npz", "--as-written",
            "--param", "layers[0]['W']=net.0.weight.T",
            "--param", "layers[0]['b']=net.0.bias",
            "--param", "layers[1]['W']=net.2.weight.T",
            "--param", "layers[1]['b']=net.2.bias",
            "--param", "layers[2]['W']=net.4.weight.T",
            "--param", "layers[2]['b']=net.4.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VT01", "side": "port", "args": mixup(port="01_smoothonce_port.py"),
     "mechanism": "label_smoothing=0.1 passed only to the first mixup cross-entropy (targets y); "
                  "the permuted-target term F.cross_entropy(logits, y[perm]) is unsmoothed",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "soft target", "target")},
    {"id": "VT02", "side": "port", "args": mixup(port="02_lamswap_port.py"),
     "mechanism": "mixup coefficients swapped in the loss: (1 - lam) CE(y) + lam CE(y[perm]) while "
                  "the inputs are mixed lam X + (1 - lam) X[perm]",
     "expected": ("lam", "mixup", "mixing", "swap", "coefficient", "target")},
    {"id": "VT03", "side": "port", "args": mixup(port="03_nodecay_port.py"),
     "mechanism": "torch.optim.SGD built without weight_decay=1e-3: the coupled L2 decay the "
                  "NumPy update adds to every gradient is left out",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "VT04", "side": "port", "args": mixup(port="04_softaxis_port.py"),
     "mechanism": "hand-written soft-target cross-entropy with F.log_softmax(logits, dim=0): the "
                  "softmax normalised over the batch axis instead of the classes",
     "expected": ("axis", "dim", "softmax", "log_softmax", "batch")},
    {"id": "VT05", "side": "port", "args": focal(port="05_detachfocal_port.py"),
     "mechanism": "focal modulating factor (1 - p.detach())**gamma: the factor treated as a "
                  "constant, so its derivative term is missing from the gradient (loss unchanged)",
     "expected": ("detach", "focal", "modulating", "gradient", "constant")},
    {"id": "VT06", "side": "port", "args": focal(port="06_alphaperm_port.py"),
     "mechanism": "class weights alpha[y] reused for the permuted-target focal term instead of "
                  "alpha[y[perm]]",
     "expected": ("alpha", "class weight", "weight", "perm", "permut")},
    {"id": "VT07", "side": "port", "args": focal(port="07_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() forgotten in train_step: gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "accumulate", "summed over steps")},
    {"id": "VT08", "side": "port", "args": focal(port="08_dampening_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9, dampening=0.9): the buffer adds (1 - 0.9) g from "
                  "step 2 on, where the NumPy momentum adds the whole gradient",
     "expected": ("dampening", "momentum", "buffer", "velocity")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VT09", "side": "numpy", "args": mixup(numpy="09_smoothconst_numpy.py"),
     "mechanism": "label smoothing with the other convention: 1 - eps on the true class and "
                  "eps / (K - 1) on the others, where torch uses (1 - eps) onehot + eps / K",
     "expected": ("label smoothing", "smoothing", "eps", "k - 1", "target")},
    {"id": "VT10", "side": "numpy", "args": mixup(numpy="10_hardgrad_numpy.py"),
     "mechanism": "softmax cross-entropy backward uses the mixed one-hot targets without the "
                  "smoothing (dz = p - Ym) while the loss uses the smoothed targets",
     "expected": ("smoothing", "target", "one-hot", "onehot", "backward")},
    {"id": "VT11", "side": "numpy", "args": mixup(numpy="11_nesterovorder_numpy.py"),
     "mechanism": "Nesterov step p -= lr (g + mu v) taken with the velocity before it is updated "
                  "(the look-ahead uses the previous buffer)",
     "expected": ("nesterov", "momentum", "order", "stale", "previous", "velocity")},
    {"id": "VT12", "side": "numpy", "args": mixup(numpy="12_unmixedx_numpy.py"),
     "mechanism": "first-layer weight gradient computed from the unmixed input X.T @ da instead "
                  "of the mixed Xm the forward used (W1 only)",
     "expected": ("mix", "input", "w1", "mixup", "x")},
    {"id": "VT13", "side": "numpy", "args": focal(numpy="13_focalconst_numpy.py"),
     "mechanism": "focal-loss gradient with the modulating factor (1 - p)^gamma treated as a "
                  "constant: the gamma q^(gamma-1) p log p term is missing",
     "expected": ("focal", "modulating", "missing term", "derivative", "gamma")},
    {"id": "VT14", "side": "numpy", "args": focal(numpy="14_focalexp_numpy.py"),
     "mechanism": "focal-loss derivative with the exponent off by one: gamma q^gamma p log p "
                  "instead of gamma q^(gamma-1) p log p",
     "expected": ("focal", "exponent", "gamma", "derivative", "power")},
    {"id": "VT15", "side": "numpy", "args": focal(numpy="15_biasmean_numpy.py"),
     "mechanism": "second hidden layer's bias gradient averaged over the batch (da2.mean(0)) "
                  "instead of summed: b2's gradient 48 times too small",
     "expected": ("b2", "mean", "sum", "reduction", "bias", "48")},
    {"id": "VT16", "side": "numpy", "args": focal(numpy="16_velreset_numpy.py"),
     "mechanism": "momentum buffers re-created as zeros at the start of every train_step: the "
                  "velocity is never carried over (plain SGD after step 1)",
     "expected": ("momentum", "velocity", "reset", "buffer", "state")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VT17", "side": "correct", "args": mixup_alt_numpy(),
     "mechanism": "correct: NumPy mixup net with layers as a list of dicts in (out, in) layout, "
                  "einsum products, the gradient as the lam-mixture of two smoothed-target "
                  "gradients, Nesterov buffers updated in place",
     "expected": ()},
    {"id": "VT18", "side": "correct", "args": mixup_alt_torch(),
     "mechanism": "correct: port with bare nn.Parameters kept (in, out), torch.lerp mixing, "
                  "hand-built smoothed mixed targets passed to F.cross_entropy as probabilities, "
                  "two SGD parameter groups",
     "expected": ()},
    {"id": "VT19", "side": "correct", "args": focal_loop(),
     "mechanism": "correct: NumPy focal net as a loop over a list of layers, focal gradient by the "
                  "chain rule through p and the softmax Jacobian, in-place heavy-ball momentum",
     "expected": ()},
]
