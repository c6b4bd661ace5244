"""One hundred and ninety-seventh fresh held-out set for the diagnosis: one planted bug per program
in fresh197/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is capsule-style squash
activations in small routing-free MLPs: hidden vectors grouped into capsules and squashed
(v = |s|^2/(1+|s|^2) * s/|s|, |s| = sqrt(|s|^2 + 1e-7)), class capsules from per-pair transforms
with a fixed coupling (no routing iterations), capsule lengths sqrt(|v|^2 + 1e-7), and the margin
loss (m+ 0.9, m- 0.1, lambda 0.5) summed over classes and averaged over the batch; the squash and
length derivatives written by hand; Adam or RMSprop.

The base programs (data from fresh197/make_data.py, fixed seed, nothing random while training):

    caps_a_numpy.py:CapsMLP / caps_a_torch.py:CapsMLP, caps_a.npz X (32, 10), y (32,) in {0..3}
        dense 10->24 + ReLU (W kept (in, out)); dense 24->24 reshaped to 6 primary capsules of
        dim 4, squashed; votes u_hat[n,i,j] = p[n,i] @ Wc[i,j], Wc (6, 4, 4, 5); fixed uniform
        coupling 1/6 (mean over the primary capsules); squash; lengths; margin loss.
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    caps_b_numpy.py:FixedRouteCaps / caps_b_torch.py:FixedRouteCaps, caps_b.npz X (48, 8), y (48,)
        in {0, 1, 2}
        dense 8->16 + tanh (torch layout (out, in)); dense 16->20 as 5 primary capsules of dim 4,
        squashed; votes through Wc (5, 3, 4, 4); fixed non-uniform coupling c = softmax over the
        class capsules (axis 1) of fixed logits linspace(-1, 1, 15).reshape(5, 3) (a buffer in the
        port); s_j = sum_i c_ij u_hat_ij; squash; lengths; margin loss.
        RMSprop lr 0.005, alpha 0.9, eps 1e-8 (outside the square root), as torch.optim.RMSprop.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh197_cases

Each case:
    id          short name (prefixed VO)
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

F = "scripts/diagnosis_sets/fresh197/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def capa(numpy="caps_a_numpy.py", port="caps_a_torch.py", ncls="CapsMLP"):
    return [F + numpy + ":" + ncls, "--torch", F + port + ":CapsMLP",
            "--data", F + "caps_a.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=prim.weight.T",
            "--param", "params['b2']=prim.bias",
            "--param", "params['Wc']=Wc", *RUN]


def capa_alt_port():
    return [F + "caps_a_numpy.py:CapsMLP", "--torch", F + "caps_a_alt_torch.py:CapsNet",
            "--data", F + "caps_a.npz", "--as-written",
            "--param", "params['W1']=body.0.weight.T",
            "--param", "params['b1']=body.0.bias",
            "--param", "params['W2']=body.2.weight.T",
            "--param", "params['b2']=body.2.bias",
            "--param", "params['Wc']=transform", *RUN]


def capb(numpy="caps_b_numpy.py", port="caps_b_torch.py"):
    return [F + numpy + ":FixedRouteCaps", "--torch", F + port + ":FixedRouteCaps",
            "--data", F + "caps_b.npz", "--as-written",
            "--param", "W1=hidden.weight",
            "--param", "b1=hidden.bias",
            "--param", "W2=primary.weight",
            "--param", "b2=primary.bias",
            "--param", "Wc=W", *RUN]


def capb_inout():
    return [F + "caps_b_alt_numpy.py:CapsInOut", "--torch", F + "caps_b_torch.py:FixedRouteCaps",
            "--data", F + "caps_b.npz", "--as-written",
            "--param", "layers[0]['W']=hidden.weight.T",
            "--param", "layers[0]['b']=hidden.bias",
            "--param", "layers[1]['W']=primary.weight.T",
            "--param", "layers[1]['b']=primary.bias",
            "--param", "Wc=W", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VO01", "side": "port", "args": capa(port="01_squashdim_port.py"),
     "mechanism": "primary-capsule squash takes the squared norm over dim=1 (across the 6 capsules) "
                  "instead of the last dim (each capsule's 4 components); keepdim broadcasting hides it",
     "expected": ("squash", "dim", "axis", "norm", "capsule")},
    {"id": "VO02", "side": "port", "args": capa(port="02_lambda_port.py"),
     "mechanism": "margin loss without the down-weighting lambda = 0.5 on the absent-class term "
                  "(1 - T) max(0, L - m-)^2",
     "expected": ("lambda", "margin", "absent", "down-weight", "0.5")},
    {"id": "VO03", "side": "port", "args": capa(port="03_betas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "second moment", "0.999", "exp_avg_sq")},
    {"id": "VO04", "side": "port", "args": capa(port="04_sumbatch_port.py"),
     "mechanism": "margin loss summed over the batch as well (.sum()) instead of summed over "
                  "classes and averaged over the 32 rows",
     "expected": ("sum", "mean", "batch", "reduction", "32")},
    {"id": "VO05", "side": "port", "args": capb(port="05_rmsalpha_port.py"),
     "mechanism": "torch.optim.RMSprop left at its default alpha=0.99 where the NumPy RMSprop "
                  "uses a decay of 0.9 (Keras rho)",
     "expected": ("alpha", "rho", "rmsprop", "decay", "0.99", "square_avg")},
    {"id": "VO06", "side": "port", "args": capb(port="06_sqlength_port.py"),
     "mechanism": "capsule length returned as the squared norm |v|^2 + eps (sqrt left out) before "
                  "the margin loss",
     "expected": ("length", "sqrt", "squared", "norm")},
    {"id": "VO07", "side": "port", "args": capb(port="07_couplingdim_port.py"),
     "mechanism": "fixed coupling coefficients softmaxed over dim=0 (the primary capsules) instead "
                  "of dim=1 (the class capsules); the (5, 3) buffer still fits",
     "expected": ("coupling", "softmax", "dim", "axis")},
    {"id": "VO08", "side": "port", "args": capb(port="08_detach_port.py"),
     "mechanism": "primary capsules detached before the votes (p.detach()): no gradient reaches "
                  "the primary and hidden layers, only Wc trains",
     "expected": ("detach", "no gradient", "graph", "primary", "hidden")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VO09", "side": "numpy", "args": capa(numpy="09_squashconst_numpy.py"),
     "mechanism": "squash backward treats the scale f = |s|^2/((1+|s|^2)|s|) as a constant: "
                  "ds = f dv, the 2 f'(|s|^2) (dv.s) s term left out",
     "expected": ("squash", "derivative", "backward", "scale", "missing term")},
    {"id": "VO10", "side": "numpy", "args": capa(numpy="10_presentfactor_numpy.py"),
     "mechanism": "margin-loss gradient of the present-class term written -T max(0, m+ - L) "
                  "(the factor 2 of the square left out); the absent term keeps it",
     "expected": ("margin", "factor 2", "present", "derivative", "m+")},
    {"id": "VO11", "side": "numpy", "args": capa(numpy="11_biascorr_numpy.py"),
     "mechanism": "Adam second-moment bias correction 1 - beta2**(t + 1) with t already "
                  "incremented (off by one); the first moment uses t",
     "expected": ("bias correction", "off by one", "v_hat", "second moment", "step count")},
    {"id": "VO12", "side": "numpy", "args": capa(numpy="12_b1mean_numpy.py"),
     "mechanism": "hidden bias gradient averaged over the batch (dz1.mean(axis=0)) though the loss "
                  "already divides by N: b1's gradient 32 times too small",
     "expected": ("b1", "mean", "sum", "batch", "bias")},
    {"id": "VO13", "side": "numpy", "args": capb(numpy="13_rmseps_numpy.py"),
     "mechanism": "RMSprop eps added inside the square root, g / sqrt(v + eps), where "
                  "torch.optim.RMSprop divides by sqrt(v) + eps",
     "expected": ("eps", "epsilon", "sqrt", "rmsprop", "inside")},
    {"id": "VO14", "side": "numpy", "args": capb(numpy="14_lengthgrad_numpy.py"),
     "mechanism": "capsule-length derivative written dL/dv = v (the division by the length L "
                  "left out)",
     "expected": ("length", "derivative", "norm", "divide", "dv")},
    {"id": "VO15", "side": "numpy", "args": capb(numpy="15_wcgradT_numpy.py"),
     "mechanism": "vote-transform gradient einsum written 'nid,nije->ijed': the last two axes of "
                  "dWc transposed (square 4x4 blocks, so the shape fits)",
     "expected": ("transpose", "wc", "einsum", "axes", "swapped")},
    {"id": "VO16", "side": "numpy", "args": capb(numpy="16_nocoupling_numpy.py"),
     "mechanism": "backward through the fixed coupling forgets c_ij: the votes' gradient is ds "
                  "broadcast without the coupling factor",
     "expected": ("coupling", "c_ij", "missing", "factor", "votes")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VO17", "side": "correct", "args": capa(numpy="caps_a_alt_numpy.py", ncls="CapsMLPAlt"),
     "mechanism": "correct: squash backward as an explicit Jacobian f I + 2 f' s s^T, layers "
                  "through einsum, coupling as /6, Adam moments and parameters updated in place",
     "expected": ()},
    {"id": "VO18", "side": "correct", "args": capa_alt_port(),
     "mechanism": "correct: port as nn.Sequential with Unflatten and a Squash module "
                  "(linalg.vector_norm), votes by batched matmul, coupling buffer 1/6",
     "expected": ()},
    {"id": "VO19", "side": "correct", "args": capb_inout(),
     "mechanism": "correct: NumPy net with weights kept (in, out) in a list of layer dicts, votes "
                  "as one batched matmul per primary capsule, margin loss through np.where, "
                  "RMSprop in place",
     "expected": ()},
]
