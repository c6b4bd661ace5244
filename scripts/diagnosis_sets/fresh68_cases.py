"""Sixty-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh68/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is small denoising diffusion and score-matching models written by hand on 2-D points:
a noise schedule held as arrays (linear betas, alphas, their cumulative product alpha_bar; a
cosine alpha_bar; a geometric ladder of sigmas), training pairs read from the data file (x0 rows,
the fixed noise and the timestep or noise-level index stored in the .npz so that both sides see
the same draws), x_t = sqrt(alpha_bar_t) x0 + sqrt(1 - alpha_bar_t) eps, a sinusoidal timestep
embedding concatenated to (or projected and added to) the input, small SiLU or tanh MLPs. Three
families: epsilon prediction with a plain MSE and Adam with a linear warmup (ddpm); v-prediction
with a cosine schedule, min-SNR-weighted squared error, global-norm gradient clipping and RMSprop
(vpred); denoising score matching over noise levels with Fourier features of log sigma, the
output divided by sigma, the sigma^2-weighted loss and SGD with momentum (dsm). The ports use
torch.sin/cos embeddings, nn.SiLU, F.mse_loss, indexing or gather into the schedule, LambdaLR,
clip_grad_norm_ and torch.optim. fresh68/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh68_cases

Each case:
    id          short name (prefixed QP)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh68/"

DDPM, VPRED, DSM = F + "ddpm.npz", F + "vpred.npz", F + "dsm.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DDPM_ARGS = ("--data", DDPM, "--batch-size", "16")
DDPM_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                     "params['b2']=fc2.bias", "params['W3']=fc3.weight.T", "params['b3']=fc3.bias")
DDPM_SEQ_PARAMS = params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias", "params['W2']=net.2.weight.T",
                         "params['b2']=net.2.bias", "params['W3']=net.4.weight.T", "params['b3']=net.4.bias")
VPRED_ARGS = ("--data", VPRED)
VPRED_PARAMS = params("params['W_in']=inp.weight.T", "params['b_in']=inp.bias", "params['W_t']=time.weight.T",
                      "params['W_h']=hidden.weight.T", "params['b_h']=hidden.bias", "params['W_out']=out.weight.T",
                      "params['b_out']=out.bias") + ["--state", "square_avg=net.sq_avg"]
VPRED_LAYERS_PARAMS = params("layers[0]['W_in']=inp.weight.T", "layers[0]['b_in']=inp.bias", "W_time=time.weight.T",
                             "layers[1]['W_h']=hidden.weight.T", "layers[1]['b_h']=hidden.bias",
                             "layers[2]['W_out']=out.weight.T", "layers[2]['b_out']=out.bias")
DSM_ARGS = ("--data", DSM, "--batch-size", "12")
DSM_PARAMS = params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias", "params['W2']=net.2.weight.T",
                    "params['b2']=net.2.bias", "params['W3']=net.4.weight.T", "params['b3']=net.4.bias")
DSM_RAW_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                        "params['W3']=W3", "params['b3']=b3")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QP01_ddpm_alphas_not_cumprod", side="port",
         args=pair("ddpm_numpy.py", "DDPM", "01_ddpm_alphas_port.py", "DDPM", *DDPM_ARGS, *DDPM_PARAMS),
         mechanism="pair: the port's q_sample indexes the per-step alphas (1 - beta_t) instead of alphas_cumprod "
                   "(alpha_bar_t, the cumulative product): x_t = sqrt(alpha_t) x0 + sqrt(1 - alpha_t) eps keeps "
                   "almost all of x0 and only a little noise at every timestep, so the network's input, the "
                   "predicted noise, the loss and every gradient differ",
         expected=("alphas_cumprod", "alpha_bar", "alpha bar", "cumprod", "cumulative product", "alphas",
                   "alpha_t", "schedule", "q_sample", "noise level", "x_t", "wrong array", "noised input",
                   "forward process")),
    dict(id="QP02_ddpm_embedding_linspace", side="port",
         args=pair("ddpm_numpy.py", "DDPM", "02_ddpm_freqs_port.py", "DDPM", *DDPM_ARGS, *DDPM_PARAMS),
         mechanism="pair: the port builds the sinusoidal embedding's frequencies from torch.linspace(0, 1, half) "
                   "instead of torch.arange(half) / half: the exponents k/(half-1) include the endpoint, so every "
                   "frequency but the first is lower (the last is 1/10000 instead of 10000^(-3/4)) and the sin/cos "
                   "features of the timestep, the first layer's input and all gradients differ",
         expected=("linspace", "arange", "endpoint", "frequencies", "frequency", "timestep embedding",
                   "sinusoidal", "positional", "embedding", "exponent", "half", "k / half", "off by one",
                   "sin", "cos")),
    dict(id="QP03_ddpm_lambdalr_warmup", side="port",
         args=pair("ddpm_numpy.py", "DDPM", "03_ddpm_warmup_port.py", "DDPM", *DDPM_ARGS, *DDPM_PARAMS),
         mechanism="pair: the port's LambdaLR warmup is lambda step: min(1, step / WARMUP) where the NumPy program "
                   "uses step t = 1, 2, ...: LambdaLR calls the lambda with 0 before the first step, so the first "
                   "update is made with a learning rate of 0 and every warmup step's rate lags one step "
                   "((t-1)/10 instead of t/10); the gradients and Adam moments agree, the updates are smaller",
         expected=("lambdalr", "warmup", "warm-up", "learning rate", "lr", "schedule", "scheduler", "off by one",
                   "off-by-one", "step 0", "zero learning rate", "lags", "last_epoch", "update", "step count")),
    dict(id="QP04_vpred_inplace_x0", side="port",
         args=pair("vpred_numpy.py", "VPredDiffusion", "04_vpred_inplace_port.py", "VPredDiffusion",
                   *VPRED_ARGS, *VPRED_PARAMS),
         mechanism="pair: the port forms x_t in place, x0.mul_(sqrt(alpha_bar)).add_(sqrt(1 - alpha_bar) eps), "
                   "where x0 is a view of the batch X: x0 is overwritten with x_t, so the v target "
                   "sqrt(alpha_bar) eps - sqrt(1 - alpha_bar) x0 built next reads x_t instead of x0 (and the batch "
                   "itself is mutated): the target, the loss and every gradient differ",
         expected=("in-place", "in place", "inplace", "mul_", "add_", "overwrit", "x0", "view", "alias",
                   "mutat", "target", "v target", "velocity", "clone", "modified")),
    dict(id="QP05_vpred_rmsprop_alpha", side="port",
         args=pair("vpred_numpy.py", "VPredDiffusion", "05_vpred_rmsprop_port.py", "VPredDiffusion",
                   *VPRED_ARGS, *VPRED_PARAMS),
         mechanism="pair: the port builds torch.optim.RMSprop(lr=LR) without alpha=0.9, so it runs with the "
                   "default smoothing constant alpha=0.99: the square average takes 1% of g^2 per step instead "
                   "of 10%, sqrt(square_avg) is about 3x smaller early on and every update about 3x larger; the "
                   "gradients agree",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "smoothing constant", "square_avg",
                   "square average", "decay rate", "rho", "second moment", "optimizer", "update", "moving average")),
    dict(id="QP06_vpred_weight_squared", side="port",
         args=pair("vpred_numpy.py", "VPredDiffusion", "06_vpred_weight_port.py", "VPredDiffusion",
                   *VPRED_ARGS, *VPRED_PARAMS),
         mechanism="pair: the port applies the min-SNR weight inside F.mse_loss to both arguments, "
                   "mse_loss(w * pred, w * v), which weights the squared error by w^2 instead of w "
                   "(mse_loss(sqrt(w) pred, sqrt(w) v)): each timestep's loss term and gradient are scaled by an "
                   "extra factor w_t <= 1",
         expected=("weight", "weighted", "w^2", "w**2", "squared", "sqrt", "mse_loss", "min-snr", "snr",
                   "loss weight", "timestep weight", "per-sample", "factor", "inside the loss")),
    dict(id="QP07_dsm_keepdim_broadcast", side="port",
         args=pair("dsm_numpy.py", "ScoreNet", "07_dsm_keepdim_port.py", "ScoreNet", *DSM_ARGS, *DSM_PARAMS),
         mechanism="pair: the port sums the squared score error over dim=1 without keepdim=True, giving shape (n,), "
                   "and multiplies it by sigma**2 of shape (n, 1): broadcasting makes an (n, n) outer product whose "
                   "mean is mean(sigma^2) * mean(error) instead of the mean of the per-row products, so each row's "
                   "error is weighted by the batch's average sigma^2, not its own",
         expected=("keepdim", "broadcast", "broadcasting", "shape", "(n, n)", "outer product", "sum(dim=1",
                   "unsqueeze", "sigma^2", "sigma**2", "weighting", "per-row", "mean", "lambda(sigma)")),
    dict(id="QP08_dsm_target_sigma_squared", side="port",
         args=pair("dsm_numpy.py", "ScoreNet", "08_dsm_target_port.py", "ScoreNet", *DSM_ARGS, *DSM_PARAMS),
         mechanism="pair: the port's denoising target is -z / sigma**2 instead of -z / sigma (mixing the score "
                   "-(x_noisy - x0) / sigma^2 with the standardised noise z): the target score is 1/sigma times "
                   "too large (up to 20x at sigma = 0.05), so the loss and every gradient differ",
         expected=("target", "score", "sigma**2", "sigma^2", "sigma squared", "-z / sigma", "variance",
                   "standard deviation", "noise level", "denoising score matching", "dsm", "1/sigma",
                   "perturbation kernel", "too large")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QP09_ddpm_silu_grad_activation", side="numpy",
         args=pair("09_ddpm_silu_grad_numpy.py", "DDPM", "ddpm_torch.py", "DDPM", *DDPM_ARGS, *DDPM_PARAMS),
         mechanism="pair: the second hidden layer's SiLU derivative is written s * (1 + a * (1 - s)) with the "
                   "activation a = z * sigmoid(z) in place of the pre-activation z (s + z s (1 - s)): the backward "
                   "pass through that layer is wrong, so W2, b2, W1 and b1 get wrong gradients (forward, loss and "
                   "the output layer's gradients right)",
         expected=("silu", "swish", "derivative", "pre-activation", "preactivation", "activation", "sigmoid",
                   "z2", "a2", "backward", "chain rule", "wrong variable", "hidden layer", "gradient")),
    dict(id="QP10_ddpm_adam_uncorrected_m", side="numpy",
         args=pair("10_ddpm_adam_mhat_numpy.py", "DDPM", "ddpm_torch.py", "DDPM", *DDPM_ARGS, *DDPM_PARAMS),
         mechanism="pair: the Adam update divides the raw first moment m by sqrt(v_hat) + eps instead of the "
                   "bias-corrected m_hat = m / (1 - beta1^t): the step is (1 - 0.9^t) times the right one, a tenth "
                   "at t = 1 and approaching one, a ratio moving with the step; gradients and moments agree",
         expected=("bias correction", "bias-corrected", "m_hat", "first moment", "1 - beta1", "beta1",
                   "adam", "uncorrected", "moving with the step", "step count", "too small", "update",
                   "momentum", "exp_avg")),
    dict(id="QP11_ddpm_mse_batch_divisor", side="numpy",
         args=pair("11_ddpm_mse_scale_numpy.py", "DDPM", "ddpm_torch.py", "DDPM", *DDPM_ARGS, *DDPM_PARAMS),
         mechanism="pair: the loss is the mean over all n x 2 elements but its gradient is 2 (pred - eps) / n, "
                   "divided by the batch size instead of the number of elements: every gradient is twice the "
                   "true one (the loss is right; Adam's normalisation hides most of it in the updates)",
         expected=("mean", "number of elements", "batch size", "diff.size", "len(x)", "factor 2", "twice",
                   "2x", "mse", "normaliz", "reduction", "dimensions", "gradient scale", "divisor")),
    dict(id="QP12_vpred_target_swapped", side="numpy",
         args=pair("12_vpred_target_numpy.py", "VPredDiffusion", "vpred_torch.py", "VPredDiffusion",
                   *VPRED_ARGS, *VPRED_PARAMS),
         mechanism="pair: the v-prediction target swaps its coefficients, sqrt(1 - alpha_bar) eps - "
                   "sqrt(alpha_bar) x0 instead of sqrt(alpha_bar) eps - sqrt(1 - alpha_bar) x0: the network is "
                   "trained toward a different target, so the loss and every gradient differ (the forward is right)",
         expected=("v-prediction", "v prediction", "velocity", "target", "coefficients", "swapped", "alpha_bar",
                   "sqrt(alpha_bar)", "sqrt(1 - alpha_bar)", "x0", "eps", "noise", "loss", "objective")),
    dict(id="QP13_vpred_square_weight_transposed", side="numpy",
         args=pair("13_vpred_transposed_numpy.py", "VPredDiffusion", "vpred_torch.py", "VPredDiffusion",
                   *VPRED_ARGS, *VPRED_PARAMS),
         mechanism="pair: the square hidden weight's gradient is dz1.T @ a0 instead of a0.T @ dz1, the transpose "
                   "of the right (32, 32) matrix, which has the same shape and so passes silently: W_h is stepped "
                   "with a transposed gradient (every other gradient right at the first step)",
         expected=("transpose", "transposed", ".t", "square", "w_h", "hidden weight", "outer product",
                   "operand order", "a0.t", "matmul", "gradient", "backward", "same shape", "layout")),
    dict(id="QP14_vpred_clip_sum_of_norms", side="numpy",
         args=pair("14_vpred_clip_norm_numpy.py", "VPredDiffusion", "vpred_torch.py", "VPredDiffusion",
                   *VPRED_ARGS, *VPRED_PARAMS),
         mechanism="pair: the clipping norm is the sum of each parameter's L2 norm instead of the global L2 norm "
                   "sqrt(sum of squares) of clip_grad_norm_: the norm is overestimated, so clipping triggers more "
                   "often and scales the gradients down further; clipped gradients, the RMSprop state and the "
                   "updates differ by one factor for all parameters",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "l2 norm", "norm",
                   "sum of norms", "max_norm", "scale", "one factor", "all parameters", "sqrt", "overestimat")),
    dict(id="QP15_dsm_velocity_rebound", side="numpy",
         args=pair("15_dsm_velocity_numpy.py", "ScoreNet", "dsm_torch.py", "ScoreNet", *DSM_ARGS, *DSM_PARAMS),
         mechanism="pair: the momentum step writes v = MU * v instead of v *= MU, rebinding the local name to a "
                   "new array: the next v += g updates that new array and the stored velocity stays zero, so "
                   "every step is plain SGD with the current gradient (momentum never accumulates); the first "
                   "update agrees, the velocity state does not",
         expected=("momentum", "velocity", "in-place", "in place", "rebind", "reference", "state", "never stored",
                   "momentum_buffer", "zero", "plain sgd", "accumulat", "*=", "buffer")),
    dict(id="QP16_dsm_fourier_two_pi", side="numpy",
         args=pair("16_dsm_fourier_numpy.py", "ScoreNet", "dsm_torch.py", "ScoreNet", *DSM_ARGS, *DSM_PARAMS),
         mechanism="pair: the Fourier features of the noise level drop the 2 pi factor, sin(log(sigma) B) and "
                   "cos(log(sigma) B) instead of sin(2 pi log(sigma) B): the noise-conditioning inputs have 2 pi "
                   "times lower frequencies, so the first layer's input, the score, the loss and every gradient "
                   "differ",
         expected=("2 pi", "2*pi", "2 * np.pi", "pi", "fourier", "frequency", "frequencies", "noise embedding",
                   "conditioning", "log sigma", "sin", "cos", "constant", "factor", "embedding")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QP17_ddpm_buffers_port", side="correct",
         args=pair("ddpm_numpy.py", "DDPM", "ddpm_buffers_torch.py", "DDPMBuffers", *DDPM_ARGS, *DDPM_SEQ_PARAMS),
         mechanism="pair: DDPM port with sqrt(alpha_bar) and sqrt(1 - alpha_bar) precomputed as registered buffers "
                   "and read with Tensor.gather, a torch.outer / torch.stack embedding, nn.Sequential with nn.SiLU, "
                   "the squared error averaged by hand, Adam(foreach=False) and the warmup written into the param "
                   "group's lr each step; against the hand-written NumPy Adam", expected=()),
    dict(id="QP18_vpred_layers_numpy", side="correct",
         args=pair("vpred_layers_numpy.py", "VPredLayers", "vpred_torch.py", "VPredDiffusion",
                   *VPRED_ARGS, *VPRED_LAYERS_PARAMS),
         mechanism="pair: v-prediction in NumPy with the cosine alpha_bar rebuilt from betas by np.cumprod, "
                   "min-SNR weights by np.where, parameters as a list of dicts plus a separate time projection, "
                   "SiLU through tanh, np.einsum forward and backward, np.linalg.norm clipping and RMSprop state "
                   "in a list stepped in place; against the nn.Module port", expected=()),
    dict(id="QP19_dsm_raw_port", side="correct",
         args=pair("dsm_numpy.py", "ScoreNet", "dsm_raw_torch.py", "RawScoreNet", *DSM_ARGS, *DSM_RAW_PARAMS),
         mechanism="pair: score-matching port with raw (in, out) nn.Parameters applied by torch.addmm, the sigma "
                   "ladder from torch.logspace, torch.outer Fourier features, torch.hstack, the loss through "
                   "torch.linalg.vector_norm, SGD(momentum, foreach=False) and zero_grad(set_to_none=False)",
         expected=()),
]
